import { Card, Col, Flex, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { PointsLookup } from './PointsLookup'
import { PointsPolicyCard } from './PointsPolicyCard'

/** The points section: find a member's account, understand and edit the points policy. */
export function PointsPage() {
  const { t } = useTranslation()
  const guide = ['earn', 'pending', 'expiry', 'refund', 'adjust'] as const
  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('points.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('points.subtitle')}</Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <PointsLookup />
            <Card title={t('points.guide.title')}>
              <ul className="lb-guide">
                {guide.map((key) => (
                  <li key={key}>{t(`points.guide.${key}`)}</li>
                ))}
              </ul>
              <Flex gap={16} wrap>
                <Link to="/admin/rules" data-testid="points-rules-link">
                  {t('points.guide.rulesLink')} →
                </Link>
                <Link to="/admin/members">{t('points.guide.membersLink')} →</Link>
              </Flex>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <PointsPolicyCard />
        </Col>
      </Row>
    </Flex>
  )
}
