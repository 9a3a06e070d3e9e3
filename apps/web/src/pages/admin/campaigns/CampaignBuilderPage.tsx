import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { CAMPAIGN_TRIGGER_TYPES, createCampaign } from '../../../api/campaigns'
import { listCouponTemplates } from '../../../api/coupons'
import { listSegments } from '../../../api/segments'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import { useCouponText } from '../../../components/coupons/use-coupon-text'
import { tierLabel } from '../../../components/tiers/tier-helpers'
import { useCreateForm } from '../../../components/use-create-form'
import { zonedInputToIso } from '../../../i18n/zoned-time'
import { useAdminSession } from '../../../session/AdminSession'
import { AudiencePanel } from './AudiencePanel'
import {
  buildReward,
  type CampaignFormValues,
  emptyCampaignForm,
  fieldForCampaignPath,
  formToCampaignInput,
  holdoutSplit,
  isUnboundedCoupon,
  isValidDaysBefore,
  isValidHoldout,
  isValidInactiveDays,
  isValidMaxCost,
  isValidMaxRewards,
  isValidRewardPoints,
  MAX_NAME_LENGTH,
  previewTrigger,
  rewardCost,
} from './campaign-form'
import { useAudiencePreview } from './use-audience-preview'

type NumberValue = number | null | undefined

/** A new campaign: trigger with its live audience, reward, budget, holdout and dates. */
export function CampaignBuilderPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const couponText = useCouponText(currency, timeZone)
  const format = couponText.format
  const [form] = Form.useForm<CampaignFormValues>()
  const values = (Form.useWatch([], form) as Partial<CampaignFormValues> | undefined) ?? {}
  const initialValues = useMemo(() => emptyCampaignForm(new Date(), timeZone), [timeZone])
  const triggerType = values.triggerType ?? initialValues.triggerType
  const rewardType = values.rewardType ?? initialValues.rewardType

  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const segments = useQuery(triggerType === 'scheduled' ? 'segments:picker' : null, (signal) =>
    listSegments(api, { limit: 100, with_counts: true }, signal),
  )
  const templates = useQuery('coupon-templates:active', (signal) =>
    listCouponTemplates(api, { active: true, limit: 100 }, signal),
  )
  const template = templates.data?.data.find((item) => item.id === values.template)

  const trigger = previewTrigger({ ...values, triggerType }, timeZone)
  const audience = useAudiencePreview(api, trigger)

  const requiredRule = { required: true, message: t('campaigns.form.required') }
  const numberRule = (check: (value: number) => boolean, problem: string) => ({
    validator: async (_: unknown, value: NumberValue) => {
      if (value === null || value === undefined) return
      if (!check(value)) throw new Error(problem)
    },
  })

  const { saving, otherErrors, serverRaw, submit, valuesChanged } = useCreateForm({
    form,
    create: (all: CampaignFormValues, key) =>
      createCampaign(api, formToCampaignInput(all, currency, timeZone), key),
    fieldFor: fieldForCampaignPath,
    onCreated: (created) => {
      void message.success(t('campaigns.form.created', { name: created.name }))
      navigate(`/admin/campaigns/${created.id}`)
    },
  })

  // What each reward counts against the budget, as the server counts it.
  const reward = buildReward({ ...initialValues, ...values, rewardType } as CampaignFormValues)
  const cost = rewardCost(reward, {
    currency,
    redeemRate: program?.points_policy.redeem_rate ?? 0,
    discount: template?.discount,
  })
  const unbounded = rewardType === 'coupon' && isUnboundedCoupon(template?.discount)
  const holdout = values.holdoutPercent
  const split =
    audience.preview && !audience.loading && isValidHoldout(holdout)
      ? holdoutSplit(audience.preview.count, holdout ?? 0)
      : null

  const yuan = t('campaigns.form.yuan')
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Link to="/admin/campaigns">
        <ArrowLeftOutlined /> {t('campaigns.form.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('campaigns.form.title')}
      </Typography.Title>
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onFinishFailed={() => void message.error(t('campaigns.form.fixErrors'))}
        onValuesChange={valuesChanged}
        scrollToFirstError
        requiredMark={false}
        data-testid="campaign-form"
      >
        <Flex vertical gap={16}>
          <Card title={t('campaigns.form.basics')}>
            <Form.Item
              name="name"
              label={t('campaigns.form.name')}
              style={{ marginBottom: 0 }}
              rules={[
                { required: true, whitespace: true, message: t('campaigns.form.nameRequired') },
              ]}
            >
              <Input
                maxLength={MAX_NAME_LENGTH}
                placeholder={t('campaigns.form.namePlaceholder')}
                data-testid="campaign-name-input"
              />
            </Form.Item>
          </Card>

          <Card title={t('campaigns.form.trigger')}>
            <Form.Item
              name="triggerType"
              label={t('campaigns.form.triggerType')}
              extra={t(`campaigns.form.triggerHelp.${triggerType}`)}
            >
              <Radio.Group optionType="button" data-testid="campaign-trigger-type">
                {CAMPAIGN_TRIGGER_TYPES.map((type) => (
                  <Radio.Button key={type} value={type}>
                    <span data-testid={`campaign-trigger-${type}`}>
                      {t(`campaigns.form.triggerTypes.${type}`)}
                    </span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Row gutter={16}>
              {triggerType === 'birthday' ? (
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="daysBefore"
                    label={t('campaigns.form.daysBefore')}
                    extra={t('campaigns.form.daysBeforeHelp')}
                    rules={[numberRule(isValidDaysBefore, t('campaigns.form.daysBeforeRange'))]}
                  >
                    <InputNumber<number>
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid="campaign-days-before"
                    />
                  </Form.Item>
                </Col>
              ) : null}
              {triggerType === 'tier_upgraded' ? (
                <Col xs={24} sm={12}>
                  <Form.Item name="tier" label={t('campaigns.form.tier')}>
                    <Select
                      allowClear
                      placeholder={t('campaigns.form.anyTier')}
                      loading={ladder.loading}
                      options={ladder.data?.tiers.map((tier) => ({
                        value: tier.key,
                        label: tierLabel(tier, format.locale),
                      }))}
                      data-testid="campaign-tier"
                    />
                  </Form.Item>
                </Col>
              ) : null}
              {triggerType === 'inactive' ? (
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="inactiveDays"
                    label={t('campaigns.form.inactiveDays')}
                    rules={[
                      requiredRule,
                      numberRule(isValidInactiveDays, t('campaigns.form.inactiveDaysRange')),
                    ]}
                  >
                    <InputNumber<number>
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid="campaign-inactive-days"
                    />
                  </Form.Item>
                </Col>
              ) : null}
              {triggerType === 'scheduled' ? (
                <>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="scheduledAt"
                      label={t('campaigns.form.scheduledAt')}
                      extra={t('campaigns.form.timezoneHint', { timezone: timeZone })}
                      rules={[requiredRule]}
                    >
                      <Input type="datetime-local" data-testid="campaign-scheduled-at" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="segment"
                      label={
                        <Flex gap={8} align="center">
                          {t('campaigns.form.segment')}
                          <Link to="/admin/segments/new">
                            <PlusOutlined /> {t('campaigns.form.newSegment')}
                          </Link>
                        </Flex>
                      }
                      rules={[{ required: true, message: t('campaigns.form.segmentRequired') }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('campaigns.form.segmentPlaceholder')}
                        loading={segments.loading}
                        options={segments.data?.data.map((segment) => ({
                          value: segment.id,
                          label: t('campaigns.form.segmentOption', {
                            name: segment.name,
                            count: segment.count ?? 0,
                            formatted: format.number(segment.count ?? 0),
                          }),
                        }))}
                        data-testid="campaign-segment"
                      />
                    </Form.Item>
                  </Col>
                </>
              ) : null}
            </Row>
            <AudiencePanel audience={audience} />
          </Card>

          <Card title={t('campaigns.form.reward')}>
            <Form.Item name="rewardType" label={t('campaigns.form.rewardType')}>
              <Radio.Group optionType="button">
                {(['points', 'coupon'] as const).map((type) => (
                  <Radio.Button key={type} value={type}>
                    <span data-testid={`campaign-reward-${type}`}>
                      {t(`campaigns.form.rewardTypes.${type}`)}
                    </span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            {rewardType === 'points' ? (
              <Form.Item
                name="points"
                label={t('campaigns.form.points')}
                rules={[
                  requiredRule,
                  numberRule(isValidRewardPoints, t('campaigns.form.pointsRange')),
                ]}
              >
                <InputNumber<number>
                  precision={0}
                  style={{ width: 240 }}
                  data-testid="campaign-points"
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="template"
                label={t('campaigns.form.template')}
                rules={[{ required: true, message: t('campaigns.form.templateRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('campaigns.form.templatePlaceholder')}
                  loading={templates.loading}
                  notFoundContent={t('campaigns.form.noTemplates')}
                  options={templates.data?.data.map((item) => ({
                    value: item.id,
                    label: `${item.name} · ${couponText.discount(item)}`,
                  }))}
                  data-testid="campaign-template"
                />
              </Form.Item>
            )}
            {unbounded ? (
              <Typography.Text type="warning">
                {t('campaigns.form.rewardCostUnbounded')}
              </Typography.Text>
            ) : cost !== null ? (
              <Typography.Text type="secondary" data-testid="campaign-reward-cost">
                {t(
                  rewardType === 'points'
                    ? 'campaigns.form.rewardCostPoints'
                    : 'campaigns.form.rewardCost',
                  { amount: format.moneyShort(cost, currency) },
                )}
              </Typography.Text>
            ) : null}
          </Card>

          <Card title={t('campaigns.form.budget')}>
            <Typography.Paragraph type="secondary">
              {t('campaigns.form.budgetHelp')}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="maxRewards"
                  label={t('campaigns.form.maxRewards')}
                  rules={[numberRule(isValidMaxRewards, t('campaigns.form.maxRewardsRange'))]}
                >
                  <InputNumber<number>
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="campaign-max-rewards"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="maxCost"
                  label={t('campaigns.form.maxCost')}
                  dependencies={['template', 'rewardType']}
                  rules={[
                    numberRule(
                      (value) => isValidMaxCost(value, currency),
                      t('campaigns.form.maxCostRange'),
                    ),
                    {
                      validator: async (_: unknown, value: NumberValue) => {
                        if (value === null || value === undefined) return
                        if (unbounded) throw new Error(t('campaigns.form.maxCostUnbounded'))
                      },
                    },
                  ]}
                >
                  <InputNumber<number>
                    min={0}
                    precision={2}
                    suffix={yuan}
                    style={{ width: '100%' }}
                    data-testid="campaign-max-cost"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('campaigns.form.holdout')}>
            <Alert
              type="info"
              showIcon
              title={t('campaigns.form.holdoutWhy')}
              style={{ marginBottom: 16 }}
              data-testid="campaign-holdout-why"
            />
            <Form.Item
              name="holdoutPercent"
              label={t('campaigns.form.holdoutPercent')}
              extra={
                split ? (
                  <span data-testid="campaign-holdout-split">
                    {t('campaigns.form.holdoutSplit', {
                      treated: format.number(split.treated),
                      holdout: format.number(split.holdout),
                    })}
                  </span>
                ) : undefined
              }
              rules={[requiredRule, numberRule(isValidHoldout, t('campaigns.form.holdoutRange'))]}
            >
              <InputNumber<number>
                suffix="%"
                style={{ width: 200 }}
                data-testid="campaign-holdout"
              />
            </Form.Item>
          </Card>

          <Card title={t('campaigns.form.schedule')}>
            <Typography.Paragraph type="secondary">
              {t('campaigns.form.timezoneHint', { timezone: timeZone })}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="startsAt"
                  label={t('campaigns.form.startsAt')}
                  extra={t('campaigns.form.startsAtHelp')}
                >
                  <Input type="datetime-local" data-testid="campaign-starts-at" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="endsAt"
                  label={t('campaigns.form.endsAt')}
                  extra={t('campaigns.form.endsAtHelp')}
                  dependencies={['startsAt']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, ends: string | undefined) => {
                        if (!ends) return
                        const starts = getFieldValue('startsAt') as string | undefined
                        const startInstant = starts
                          ? zonedInputToIso(starts, timeZone)
                          : new Date().toISOString()
                        const endInstant = zonedInputToIso(ends, timeZone)
                        if (startInstant && endInstant && endInstant <= startInstant)
                          throw new Error(t('campaigns.form.endBeforeStart'))
                      },
                    }),
                  ]}
                >
                  <Input type="datetime-local" data-testid="campaign-ends-at" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          {otherErrors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('campaigns.form.serverErrors')}
              description={
                <>
                  <ProblemList problems={otherErrors} />
                  <ProblemDetails raw={serverRaw} />
                </>
              }
              data-testid="campaign-errors"
            />
          ) : null}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-save">
              {t('campaigns.form.submit')}
            </Button>
            <Button onClick={() => navigate('/admin/campaigns')}>
              {t('campaigns.form.cancel')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  )
}
