import { Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { LIMIT_KEYS } from './rule-form'

const LIMIT_LABELS = {
  per_member_per_day: 'rules.form.perMemberPerDay',
  per_member_per_month: 'rules.form.perMemberPerMonth',
  per_member_total: 'rules.form.perMemberTotal',
  total_budget: 'rules.form.totalBudget',
} as const

/** Limits in points (empty: none) and the validity window in the program's time zone. */
export function RuleLimitsFields({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('rules.form.limits')}</Typography.Text>
      <Typography.Text type="secondary">{t('rules.form.limitsHelp')}</Typography.Text>
      <Row gutter={16}>
        {LIMIT_KEYS.map((key) => (
          <Col xs={24} sm={12} key={key}>
            <Form.Item name={['limits', key]} label={t(LIMIT_LABELS[key])}>
              <InputNumber
                min={1}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`rule-limit-${key}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong>{t('rules.form.schedule')}</Typography.Text>
      <Typography.Text type="secondary">
        {t('rules.form.timezoneHint', { timezone: timeZone })}
      </Typography.Text>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="startsAt" label={t('rules.form.startsAt')}>
            <Input type="datetime-local" data-testid="rule-starts-at" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endsAt"
            label={t('rules.form.endsAt')}
            dependencies={['startsAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, ends: string | undefined) => {
                  const starts = getFieldValue('startsAt') as string | undefined
                  // Same-zone wall clocks in ISO order compare as text.
                  if (starts && ends && ends <= starts) {
                    throw new Error(t('rules.form.endBeforeStart'))
                  }
                },
              }),
            ]}
          >
            <Input type="datetime-local" data-testid="rule-ends-at" />
          </Form.Item>
        </Col>
      </Row>
    </Flex>
  )
}
