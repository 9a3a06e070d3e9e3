import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeliveryStatus } from '../../../api/webhooks'

export const DELIVERY_STATUS_COLORS: Record<DeliveryStatus, string> = {
  pending: 'gold',
  delivered: 'green',
  failed: 'red',
}

/** 待推送 / 已送达 / 失败, in colour. */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={DELIVERY_STATUS_COLORS[status]} data-testid="delivery-status" data-status={status}>
      {t(`webhooks.statuses.${status}`)}
    </Tag>
  )
}
