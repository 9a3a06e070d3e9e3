import { LockOutlined } from '@ant-design/icons'
import { Col, Flex, Progress, Row, Statistic, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MemberTierStatus } from '../../../../api/tiers'
import { TierTag } from '../../../../components/tiers/TierTag'
import { progressPercent } from '../../../../components/tiers/tier-helpers'
import type { useTierText } from '../../../../components/tiers/use-tier-text'

export interface TierSummaryProps {
  status: MemberTierStatus
  text: ReturnType<typeof useTierText>
}

/** The tier in its colour, since when, the metric, progress to the next tier, what keeps it. */
export function TierSummary({ status, text }: TierSummaryProps) {
  const { t } = useTranslation()
  const tier = text.tier(status.tier.key, status.tier.name)
  const next = status.next ? text.tier(status.next.key, status.next.name) : null
  const type = status.metric.type

  return (
    <Row gutter={[24, 16]} align="middle">
      <Col xs={24} md={8}>
        <Flex vertical gap={6} align="flex-start">
          <TierTag
            tier={tier}
            style={{ fontSize: 18, lineHeight: '32px', paddingInline: 14, marginInlineEnd: 0 }}
            data-testid="member-tier-current"
          />
          <Typography.Text type="secondary" data-testid="member-tier-since">
            {t('memberTier.since', { date: text.date(status.since) })}
          </Typography.Text>
          {status.override ? (
            <Tooltip title={t('memberTier.overrideHint')}>
              <Tag icon={<LockOutlined />} color="purple" data-testid="member-tier-override">
                {status.override.until
                  ? t('memberTier.overrideUntil', { date: text.dateTime(status.override.until) })
                  : t('memberTier.overrideForever')}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      </Col>
      <Col xs={24} md={16}>
        <Statistic
          title={t('memberTier.metric', { metric: text.metricName(type) })}
          value={text.value(type, status.metric.value)}
          data-testid="member-tier-metric"
        />
        {status.next ? (
          <Progress
            percent={progressPercent(status.metric.value, status.next.threshold)}
            showInfo={false}
            strokeColor={next?.color ?? tier.color}
            style={{ marginBlock: 4 }}
            data-testid="member-tier-progress-bar"
          />
        ) : null}
        <Typography.Text strong style={{ display: 'block' }} data-testid="member-tier-next">
          {text.next(type, status.next)}
        </Typography.Text>
        {status.retain ? (
          <Typography.Text type="secondary" data-testid="member-tier-retain">
            {text.retain(type, status.retain, status.tier.key)}
          </Typography.Text>
        ) : null}
      </Col>
    </Row>
  )
}
