import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PointTransactionType } from '../../api/points'
import { TRANSACTION_COLORS } from './points-helpers'

/** A ledger entry's type as a coloured tag: 获得 / Earned, 过期 / Expired, … */
export function PointsTypeTag({ type }: { type: PointTransactionType }) {
  const { t } = useTranslation()
  return (
    <Tag color={TRANSACTION_COLORS[type] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`points.types.${type}`, { defaultValue: type })}
    </Tag>
  )
}
