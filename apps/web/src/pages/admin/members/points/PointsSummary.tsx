import { ClockCircleOutlined } from '@ant-design/icons'
import { Col, Descriptions, Flex, Row, Statistic, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PointsBalance } from '../../../../api/points'
import { useFormat } from '../../../../i18n/use-format'

const EXPIRING_SHOWN = 4

export interface PointsSummaryProps {
  balance: PointsBalance
  timeZone?: string
}

/** Available (big), pending, the next expiries and lifetime totals of a member's points. */
export function PointsSummary({ balance, timeZone }: PointsSummaryProps) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  const expiring = balance.expiring.filter((entry) => entry.points > 0)
  const lifetime = [
    { key: 'earned', label: t('points.card.earned'), value: balance.lifetime.earned },
    { key: 'redeemed', label: t('points.card.redeemed'), value: balance.lifetime.redeemed },
    { key: 'expired', label: t('points.card.expired'), value: balance.lifetime.expired },
    { key: 'reversed', label: t('points.card.reversed'), value: balance.lifetime.reversed },
    { key: 'adjusted', label: t('points.card.adjusted'), value: balance.lifetime.adjusted },
  ]

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={8}>
        <Flex gap={32} wrap>
          <Statistic
            title={t('points.card.available')}
            value={format.number(balance.available)}
            styles={{ content: { fontSize: 36, fontWeight: 600 } }}
            data-testid="points-available"
          />
          <Statistic
            title={t('points.card.pending')}
            value={format.number(balance.pending)}
            data-testid="points-pending"
          />
        </Flex>
      </Col>
      <Col xs={24} md={8}>
        <Typography.Text type="secondary">{t('points.card.expiringSoon')}</Typography.Text>
        <ul className="lb-expiring" data-testid="points-expiring">
          {expiring.length === 0 ? (
            <li className="lb-expiring-none">{t('points.card.noExpiry')}</li>
          ) : null}
          {expiring.slice(0, EXPIRING_SHOWN).map((entry, index) => (
            <li key={entry.expires_at} className={index === 0 ? 'lb-expiring-first' : undefined}>
              <ClockCircleOutlined />{' '}
              <Tooltip title={format.dateTime(entry.expires_at)}>
                <span>
                  {t('points.card.expiringLine', {
                    points: format.number(entry.points),
                    date: format.expiryDate(entry.expires_at),
                  })}
                </span>
              </Tooltip>
            </li>
          ))}
          {expiring.length > EXPIRING_SHOWN ? (
            <li className="lb-expiring-none">
              {t('portalPoints.moreExpiring', { count: expiring.length - EXPIRING_SHOWN })}
            </li>
          ) : null}
        </ul>
      </Col>
      <Col xs={24} md={8}>
        <Descriptions
          size="small"
          column={1}
          title={
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('points.card.lifetime')}
            </Typography.Text>
          }
          items={lifetime.map((item) => ({
            key: item.key,
            label: item.label,
            children: (
              <span data-testid={`points-lifetime-${item.key}`}>{format.number(item.value)}</span>
            ),
          }))}
        />
      </Col>
    </Row>
  )
}
