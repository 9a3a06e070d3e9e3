import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CouponStatus } from '../../api/coupons'

const COLORS: Record<CouponStatus, string> = {
  unassigned: 'gold',
  active: 'green',
  redeemed: 'blue',
  expired: 'default',
}

/** 可用 / 已使用 / 已过期 / 未领取, in colour. */
export function CouponStatusTag({ status }: { status: CouponStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]} data-testid="coupon-status" data-status={status}>
      {t(`coupons.status.${status}`)}
    </Tag>
  )
}
