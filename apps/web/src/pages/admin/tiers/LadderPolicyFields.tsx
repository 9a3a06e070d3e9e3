import { Col, Flex, Form, InputNumber, Radio, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { TIER_METRICS } from '../../../api/tiers'
import type { LadderDraft } from './ladder-form'

export interface LadderPolicyFieldsProps {
  draft: LadderDraft
  onChange: (patch: Partial<LadderDraft>) => void
  /** The problem shown under a field, by API path (`window.months`). */
  errorAt: (path: string) => string | undefined
}

const WINDOWS = ['lifetime', 'rolling', 'calendar_year'] as const
const DOWNGRADES = ['never', 'period_end'] as const
const PERIODS = ['default', 'month', 'quarter', 'year'] as const

/** What qualifies (metric), over which window, and how members move down. */
export function LadderPolicyFields({ draft, onChange, errorAt }: LadderPolicyFieldsProps) {
  const { t } = useTranslation()
  const status = (path: string) => {
    const help = errorAt(path)
    return help ? { validateStatus: 'error' as const, help } : {}
  }
  const periodic = draft.downgradeType === 'period_end'

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Form.Item label={t('tiers.editor.metric')} {...status('metric')}>
            <Radio.Group
              optionType="button"
              value={draft.metric}
              onChange={(event) => onChange({ metric: event.target.value })}
              options={TIER_METRICS.map((metric) => ({
                value: metric,
                label: (
                  <span data-testid={`ladder-metric-${metric}`}>
                    {t(`tiers.metrics.${metric}`)}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            label={t('tiers.editor.window')}
            {...status('window')}
            {...status('window.months')}
          >
            <Flex gap={8} wrap align="center">
              <Radio.Group
                optionType="button"
                value={draft.windowType}
                onChange={(event) => onChange({ windowType: event.target.value })}
                options={WINDOWS.map((type) => ({
                  value: type,
                  label: (
                    <span data-testid={`ladder-window-${type}`}>
                      {t(`tiers.editor.windows.${type}`)}
                    </span>
                  ),
                }))}
              />
              {draft.windowType === 'rolling' ? (
                <InputNumber<number>
                  min={1}
                  max={120}
                  precision={0}
                  value={draft.months}
                  onChange={(months) => onChange({ months })}
                  suffix={t('tiers.editor.monthsSuffix')}
                  status={errorAt('window.months') ? 'error' : undefined}
                  aria-label={t('tiers.editor.months')}
                  style={{ width: 120 }}
                  data-testid="ladder-months"
                />
              ) : null}
            </Flex>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={24}>
        <Col xs={24} lg={8}>
          <Form.Item label={t('tiers.editor.downgrade')} {...status('downgrade')}>
            <Radio.Group
              optionType="button"
              value={draft.downgradeType}
              onChange={(event) => onChange({ downgradeType: event.target.value })}
              options={DOWNGRADES.map((type) => ({
                value: type,
                label: (
                  <span data-testid={`ladder-downgrade-${type}`}>
                    {t(`tiers.editor.downgrades.${type}`)}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        </Col>
        {periodic ? (
          <>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item label={t('tiers.editor.graceDays')} {...status('downgrade.grace_days')}>
                <InputNumber<number>
                  min={0}
                  max={365}
                  precision={0}
                  value={draft.graceDays}
                  onChange={(graceDays) => onChange({ graceDays })}
                  suffix={t('tiers.editor.graceDaysSuffix')}
                  style={{ width: '100%' }}
                  data-testid="ladder-grace-days"
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={6}>
              <Form.Item
                label={t('tiers.editor.steps')}
                tooltip={t('tiers.editor.stepsHelp')}
                {...status('downgrade.steps')}
              >
                <InputNumber<number>
                  min={1}
                  max={20}
                  precision={0}
                  value={draft.steps}
                  onChange={(steps) => onChange({ steps })}
                  placeholder={t('tiers.editor.stepsPlaceholder')}
                  style={{ width: '100%' }}
                  data-testid="ladder-steps"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={6}>
              <Form.Item
                label={t('tiers.editor.period')}
                tooltip={t('tiers.editor.periodHelp')}
                {...status('downgrade.period')}
              >
                <Select
                  value={draft.period}
                  onChange={(period) => onChange({ period })}
                  options={PERIODS.map((period) => ({
                    value: period,
                    label: t(`tiers.editor.periods.${period}`),
                  }))}
                  data-testid="ladder-period"
                />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
    </Form>
  )
}
