import { ArrowLeftOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
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
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { createCouponTemplate } from '../../../api/coupons'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import { useCouponText } from '../../../components/coupons/use-coupon-text'
import { useCreateForm } from '../../../components/use-create-form'
import { useAdminSession } from '../../../session/AdminSession'
import {
  emptyTemplateForm,
  fieldForTemplatePath,
  formToTemplateInput,
  isValidAmount,
  isValidPercent,
  MAX_COUPON_LIMIT,
  MAX_TAG_LENGTH,
  MAX_VALIDITY_DAYS,
  type TemplateFormValues,
} from './template-form'

/** A new coupon template: its terms never change once created, so they are set here once. */
export function TemplateEditorPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const text = useCouponText(currency, timeZone)
  const [form] = Form.useForm<TemplateFormValues>()
  const values = (Form.useWatch([], form) as Partial<TemplateFormValues> | undefined) ?? {}
  const discountType = values.discountType ?? 'amount'
  const validityType = values.validityType ?? 'days'

  const amountRule = (allowZero = false) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return
      if (!isValidAmount(value, currency, allowZero)) throw new Error(t('coupons.form.amountRange'))
    },
  })
  const requiredRule = { required: true, message: t('coupons.form.required') }
  const limitRule = {
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return
      if (!Number.isInteger(value) || value < 1 || value > MAX_COUPON_LIMIT)
        throw new Error(t('coupons.form.limitRange'))
    },
  }
  const tagsRule = {
    validator: async (_: unknown, value: string[] | undefined) => {
      if ((value ?? []).some((tag) => tag.trim().length > MAX_TAG_LENGTH))
        throw new Error(t('coupons.form.tagTooLong'))
    },
  }

  const { saving, otherErrors, serverRaw, submit, valuesChanged } = useCreateForm({
    form,
    create: (all: TemplateFormValues, key) =>
      createCouponTemplate(api, formToTemplateInput(all, currency, timeZone), key),
    fieldFor: (path) => fieldForTemplatePath(path, validityType),
    onCreated: (created) => {
      void message.success(t('coupons.form.created', { name: created.name }))
      navigate(`/admin/coupons/${created.id}`)
    },
  })

  // What the coupon will say, from what is typed so far.
  let preview: string | null = null
  try {
    const draft = formToTemplateInput(
      { ...emptyTemplateForm(), ...values, name: values.name ?? '' } as TemplateFormValues,
      currency,
      timeZone,
    )
    const terms = {
      discount: draft.discount,
      min_spend: draft.min_spend ?? null,
      applies_to: draft.applies_to ?? null,
    }
    preview = [
      text.discount(terms),
      text.scope(terms),
      'days' in draft.validity || (draft.validity.starts_at && draft.validity.ends_at)
        ? text.validity(draft.validity)
        : null,
    ]
      .filter(Boolean)
      .join(' · ')
  } catch {
    preview = null
  }

  const yuan = t('coupons.form.yuan')
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Link to="/admin/coupons">
        <ArrowLeftOutlined /> {t('coupons.form.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('coupons.form.title')}
      </Typography.Title>
      <Form<TemplateFormValues>
        form={form}
        layout="vertical"
        initialValues={emptyTemplateForm()}
        onFinish={submit}
        onFinishFailed={() => void message.error(t('coupons.form.fixErrors'))}
        onValuesChange={valuesChanged}
        scrollToFirstError
        requiredMark={false}
        data-testid="coupon-template-form"
      >
        <Flex vertical gap={16}>
          <Card title={t('coupons.form.basics')}>
            <Form.Item
              name="name"
              label={t('coupons.form.name')}
              rules={[
                { required: true, whitespace: true, message: t('coupons.form.nameRequired') },
              ]}
            >
              <Input
                maxLength={200}
                placeholder={t('coupons.form.namePlaceholder')}
                data-testid="coupon-name-input"
              />
            </Form.Item>
            <Form.Item name="discountType" label={t('coupons.form.discountType')}>
              <Radio.Group data-testid="coupon-discount-type">
                {(['amount', 'percent', 'free_shipping'] as const).map((type) => (
                  <Radio.Button key={type} value={type}>
                    <span data-testid={`coupon-type-${type}`}>
                      {t(`coupons.form.types.${type}`)}
                    </span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Row gutter={16}>
              {discountType === 'amount' ? (
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="amountOff"
                    label={t('coupons.form.amountOff')}
                    rules={[requiredRule, amountRule()]}
                  >
                    <InputNumber<number>
                      min={0}
                      precision={2}
                      suffix={yuan}
                      style={{ width: '100%' }}
                      data-testid="coupon-amount-off"
                    />
                  </Form.Item>
                </Col>
              ) : null}
              {discountType === 'percent' ? (
                <>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="percentOff"
                      label={t('coupons.form.percentOff')}
                      extra={t('coupons.form.percentHelp')}
                      rules={[
                        requiredRule,
                        {
                          validator: async (_, value: number | null | undefined) => {
                            if (value === null || value === undefined) return
                            if (!isValidPercent(value))
                              throw new Error(t('coupons.form.percentRange'))
                          },
                        },
                      ]}
                    >
                      <InputNumber<number>
                        suffix="%"
                        style={{ width: '100%' }}
                        data-testid="coupon-percent-off"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="maxAmount"
                      label={t('coupons.form.maxAmount')}
                      extra={t('coupons.form.maxAmountHelp')}
                      rules={[amountRule()]}
                    >
                      <InputNumber<number>
                        min={0}
                        precision={2}
                        suffix={yuan}
                        style={{ width: '100%' }}
                        data-testid="coupon-max-amount"
                      />
                    </Form.Item>
                  </Col>
                </>
              ) : null}
              <Col xs={24} sm={12}>
                <Form.Item
                  name="minSpend"
                  label={t('coupons.form.minSpend')}
                  extra={t('coupons.form.minSpendHelp')}
                  rules={[amountRule(true)]}
                >
                  <InputNumber<number>
                    min={0}
                    precision={2}
                    suffix={yuan}
                    style={{ width: '100%' }}
                    data-testid="coupon-min-spend"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('coupons.form.scope')}>
            <Typography.Paragraph type="secondary">
              {t('coupons.form.scopeHelp')}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="categories"
                  label={t('coupons.form.categories')}
                  rules={[tagsRule]}
                >
                  <Select
                    mode="tags"
                    open={false}
                    suffixIcon={null}
                    data-testid="coupon-categories"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="skus" label={t('coupons.form.skus')} rules={[tagsRule]}>
                  <Select mode="tags" open={false} suffixIcon={null} data-testid="coupon-skus" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('coupons.form.validity')}>
            <Form.Item name="validityType" label={t('coupons.form.validityType')}>
              <Radio.Group>
                {(['days', 'window'] as const).map((type) => (
                  <Radio.Button key={type} value={type}>
                    <span data-testid={`coupon-validity-${type}`}>
                      {t(`coupons.form.validityTypes.${type}`)}
                    </span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            {validityType === 'days' ? (
              <Form.Item
                name="days"
                label={t('coupons.form.days')}
                extra={t('coupons.form.daysHelp')}
                rules={[
                  requiredRule,
                  {
                    validator: async (_, value: number | null | undefined) => {
                      if (value === null || value === undefined) return
                      if (!Number.isInteger(value) || value < 1 || value > MAX_VALIDITY_DAYS)
                        throw new Error(t('coupons.form.daysRange'))
                    },
                  },
                ]}
              >
                <InputNumber<number>
                  precision={0}
                  style={{ width: 200 }}
                  data-testid="coupon-days"
                />
              </Form.Item>
            ) : (
              <>
                <Typography.Paragraph type="secondary">
                  {t('coupons.form.timezoneHint', { timezone: timeZone })}
                </Typography.Paragraph>
                <Row gutter={16}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="startsAt"
                      label={t('coupons.form.startsAt')}
                      rules={[requiredRule]}
                    >
                      <Input type="datetime-local" data-testid="coupon-starts-at" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="endsAt"
                      label={t('coupons.form.endsAt')}
                      dependencies={['startsAt']}
                      rules={[
                        requiredRule,
                        ({ getFieldValue }) => ({
                          validator: async (_, ends: string | undefined) => {
                            const starts = getFieldValue('startsAt') as string | undefined
                            // Wall clocks of one zone in ISO order compare as text.
                            if (starts && ends && ends <= starts)
                              throw new Error(t('coupons.form.endBeforeStart'))
                          },
                        }),
                      ]}
                    >
                      <Input type="datetime-local" data-testid="coupon-ends-at" />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            )}
          </Card>
          <Card title={t('coupons.form.limits')}>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="perMemberLimit"
                  label={t('coupons.form.perMemberLimit')}
                  extra={t('coupons.form.limitHelp')}
                  rules={[limitRule]}
                >
                  <InputNumber<number>
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="coupon-per-member-limit"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="totalLimit"
                  label={t('coupons.form.totalLimit')}
                  extra={t('coupons.form.limitHelp')}
                  rules={[limitRule]}
                >
                  <InputNumber<number>
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="coupon-total-limit"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="stackable" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="coupon-stackable">{t('coupons.form.stackable')}</Checkbox>
            </Form.Item>
          </Card>
          {preview ? (
            <Alert
              type="info"
              showIcon
              title={t('coupons.form.preview')}
              description={<span data-testid="coupon-preview">{preview}</span>}
            />
          ) : null}
          {otherErrors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('coupons.form.serverErrors')}
              description={
                <>
                  <ProblemList problems={otherErrors} />
                  <ProblemDetails raw={serverRaw} />
                </>
              }
              data-testid="coupon-template-errors"
            />
          ) : null}
          <Flex gap={8}>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              data-testid="coupon-template-save"
            >
              {t('coupons.form.submit')}
            </Button>
            <Button onClick={() => navigate('/admin/coupons')}>{t('coupons.form.cancel')}</Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  )
}
