import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

const KNOWN_SOURCES = [
  'order',
  'refund',
  'event',
  'adjustment',
  'redemption',
  'job',
  'campaign',
] as const
type KnownSource = (typeof KNOWN_SOURCES)[number]

function isKnown(kind: string): kind is KnownSource {
  return (KNOWN_SOURCES as readonly string[]).includes(kind)
}

/** Names the kind of source that moved points (订单, 手动调整, …); unknown kinds as sent. */
export function useSourceLabel() {
  const { t } = useTranslation()
  return useCallback((kind: string) => (isKnown(kind) ? t(`points.sources.${kind}`) : kind), [t])
}
