import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CampaignStatus } from './campaign-text'

const COLORS: Record<CampaignStatus, string> = {
  running: 'green',
  scheduled: 'blue',
  ended: 'default',
  off: 'default',
}

/** 进行中 / 未开始 / 已结束 / 已停用, in a colour. */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]} data-testid="campaign-status" data-status={status}>
      {t(`campaigns.status.${status}`)}
    </Tag>
  )
}
