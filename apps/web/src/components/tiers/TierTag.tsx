import { Tag } from 'antd'
import type { CSSProperties } from 'react'
import { useFormat } from '../../i18n/use-format'
import { parseHex, readableText, toHex } from './tier-colors'
import { type NamedTier, tierLabel } from './tier-helpers'

export interface TierTagProps {
  tier: NamedTier & { color?: string }
  style?: CSSProperties
  'data-testid'?: string
}

/** A tier's name in its colour (readable text on it); the console's blue without a colour. */
export function TierTag({ tier, style, ...rest }: TierTagProps) {
  const { locale } = useFormat()
  const rgb = parseHex(tier.color)
  const label = tierLabel(tier, locale)
  if (!rgb) {
    return (
      <Tag color="geekblue" style={style} data-testid={rest['data-testid']} data-tier={tier.key}>
        {label}
      </Tag>
    )
  }
  const color = toHex(rgb)
  return (
    <Tag
      variant="solid"
      style={{ background: color, borderColor: color, color: readableText(color), ...style }}
      data-testid={rest['data-testid']}
      data-tier={tier.key}
      data-color={color}
    >
      {label}
    </Tag>
  )
}
