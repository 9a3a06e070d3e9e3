import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listBenefits } from '../../../../api/benefits'
import { type CheckoutQuote, type QuoteCoupon, quoteCheckout } from '../../../../api/checkout'
import { type ApiClient, ApiError } from '../../../../api/client'
import type { Coupon, CouponTemplate } from '../../../../api/coupons'
import { useQuery } from '../../../../api/use-query'
import { useErrorToast } from '../../../../components/ApiProblem'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { toMinorUnits } from '../../../../i18n/format'
import { useLocaliseError } from '../../../../i18n/use-error-message'
import { useFormat } from '../../../../i18n/use-format'

interface ItemValues {
  sku: string
  category?: string
  quantity: number | null
  unitPrice: number | null
}

interface QuoteFormValues {
  items: ItemValues[]
  shippingFee?: number | null
  couponCodes?: string[]
  pointsToRedeem?: number | null
}

const TOP_FIELDS: Record<string, string> = {
  shipping_fee: 'shippingFee',
  coupon_codes: 'couponCodes',
  points_to_redeem: 'pointsToRedeem',
}
const ITEM_FIELDS: Record<string, string> = {
  sku: 'sku',
  category: 'category',
  quantity: 'quantity',
  unit_price: 'unitPrice',
}

/** The form field a quote's 400 names: `items[1].unit_price` → `['items', 1, 'unitPrice']`. */
export function quoteFieldForPath(path: string): (string | number)[] | undefined {
  const item = /^items\[(\d+)\]\.(\w+)$/.exec(path)
  if (item) {
    const field = ITEM_FIELDS[item[2] ?? '']
    return field ? ['items', Number(item[1]), field] : undefined
  }
  const top = TOP_FIELDS[path.replace(/\[\d+\]$/, '')]
  return top ? [top] : undefined
}

export interface CheckoutPreviewProps {
  api: ApiClient
  member: string
  currency: string
  /** The member's usable coupons, to pick codes from. */
  usable: readonly Coupon[]
  templates: Map<string, CouponTemplate>
}

/** Prices a basket for the member with the order's own rules (`POST /v1/checkout/quote`). */
export function CheckoutPreview({
  api,
  member,
  currency,
  usable,
  templates,
}: CheckoutPreviewProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const localise = useLocaliseError()
  const toastError = useErrorToast()
  const [form] = Form.useForm<QuoteFormValues>()
  const [quote, setQuote] = useState<CheckoutQuote | null>(null)
  // The names of the tier's benefits a quote applies by itself (a tier discount, free shipping).
  const benefits = useQuery('benefits', (signal) => listBenefits(api, signal))
  const benefitName = (id: string) => benefits.data?.data.find((b) => b.id === id)?.name ?? id
  const [error, setError] = useState<unknown>(null)
  const [running, setRunning] = useState(false)
  const money = (minor: number) => format.money(minor, currency)

  const couponName = (code: string, template: string | null) => {
    const found = template ? templates.get(template) : undefined
    return found ? `${found.name} (${code})` : code
  }

  const run = async (values: QuoteFormValues) => {
    setRunning(true)
    setError(null)
    try {
      const answer = await quoteCheckout(api, {
        member,
        items: values.items.map((item) => ({
          sku: item.sku.trim(),
          ...(item.category?.trim() ? { category: item.category.trim() } : {}),
          quantity: item.quantity ?? 0,
          unit_price: toMinorUnits(item.unitPrice ?? 0, currency),
        })),
        ...(values.shippingFee ? { shipping_fee: toMinorUnits(values.shippingFee, currency) } : {}),
        ...(values.couponCodes?.length ? { coupon_codes: values.couponCodes } : {}),
        ...(values.pointsToRedeem ? { points_to_redeem: values.pointsToRedeem } : {}),
      })
      setQuote(answer)
    } catch (caught) {
      setQuote(null)
      if (caught instanceof ApiError && caught.status === 400) {
        const localised = localise(caught)
        const fields: { name: (string | number)[]; errors: string[] }[] = []
        for (const problem of localised.fields) {
          const name = quoteFieldForPath(problem.path)
          if (name) fields.push({ name, errors: [problem.message] })
        }
        ;(form as unknown as FormInstance).setFields(fields)
        if (fields.length < localised.fields.length || fields.length === 0) setError(caught)
      } else if (caught instanceof ApiError && caught.status !== 0) setError(caught)
      else toastError(caught)
    } finally {
      setRunning(false)
    }
  }

  const reasonTag = (coupon: QuoteCoupon) =>
    coupon.applicable ? (
      <Tag color="green" data-testid="quote-coupon-applies">
        {t('checkout.applies', { amount: money(coupon.amount ?? 0) })}
      </Tag>
    ) : (
      <Tag color="orange" data-testid="quote-coupon-reason" data-reason={coupon.reason}>
        {t(`checkout.reasons.${coupon.reason ?? 'invalid'}`)}
      </Tag>
    )

  const couponById = new Map(
    [...(quote?.applicable_coupons ?? []), ...(quote?.coupons_refused ?? [])]
      .filter((coupon) => coupon.id)
      .map((coupon) => [coupon.id as string, coupon]),
  )

  return (
    <Card title={t('checkout.title')} data-testid="checkout-preview">
      <Typography.Paragraph type="secondary">{t('checkout.subtitle')}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <Form<QuoteFormValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={run}
            initialValues={{ items: [{ sku: '', category: '', quantity: 1, unitPrice: null }] }}
          >
            <Typography.Text strong>{t('checkout.items')}</Typography.Text>
            <Form.List
              name="items"
              rules={[
                {
                  validator: async (_, items: ItemValues[] | undefined) => {
                    if (!items || items.length === 0) throw new Error(t('checkout.itemsRequired'))
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, index) => (
                    <Row gutter={8} key={field.key} align="top" data-testid="quote-item">
                      <Col span={6}>
                        <Form.Item
                          name={[field.name, 'sku']}
                          label={index === 0 ? t('checkout.sku') : undefined}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('checkout.skuRequired'),
                            },
                          ]}
                        >
                          <Input data-testid="quote-item-sku" />
                        </Form.Item>
                      </Col>
                      <Col span={6}>
                        <Form.Item
                          name={[field.name, 'category']}
                          label={index === 0 ? t('checkout.category') : undefined}
                        >
                          <Input data-testid="quote-item-category" />
                        </Form.Item>
                      </Col>
                      <Col span={4}>
                        <Form.Item
                          name={[field.name, 'quantity']}
                          label={index === 0 ? t('checkout.quantity') : undefined}
                          rules={[{ required: true, message: t('checkout.quantityRequired') }]}
                        >
                          <InputNumber<number>
                            min={1}
                            precision={0}
                            style={{ width: '100%' }}
                            data-testid="quote-item-quantity"
                          />
                        </Form.Item>
                      </Col>
                      <Col span={6}>
                        <Form.Item
                          name={[field.name, 'unitPrice']}
                          label={index === 0 ? t('checkout.unitPrice') : undefined}
                          rules={[{ required: true, message: t('checkout.priceRequired') }]}
                        >
                          <InputNumber<number>
                            min={0}
                            precision={2}
                            style={{ width: '100%' }}
                            data-testid="quote-item-price"
                          />
                        </Form.Item>
                      </Col>
                      <Col span={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          disabled={fields.length === 1}
                          onClick={() => remove(field.name)}
                          aria-label={t('checkout.removeItem')}
                          title={t('checkout.removeItem')}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ sku: '', category: '', quantity: 1, unitPrice: null })}
                    style={{ marginBottom: 16 }}
                    data-testid="quote-add-item"
                  >
                    {t('checkout.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
            <Row gutter={8}>
              <Col xs={24} sm={12}>
                <Form.Item name="shippingFee" label={t('checkout.shippingFee')}>
                  <InputNumber<number>
                    min={0}
                    precision={2}
                    style={{ width: '100%' }}
                    data-testid="quote-shipping"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="pointsToRedeem" label={t('checkout.pointsToRedeem')}>
                  <InputNumber<number>
                    min={0}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="quote-points"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="couponCodes" label={t('checkout.couponCodes')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('checkout.couponPlaceholder')}
                data-testid="quote-coupons"
                options={usable.map((coupon) => ({
                  value: coupon.code,
                  label: couponName(coupon.code, coupon.template),
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={running} data-testid="quote-run">
              {t('checkout.run')}
            </Button>
          </Form>
        </Col>
        <Col xs={24} xl={11}>
          {error ? <ErrorAlert error={error} title={t('checkout.result')} /> : null}
          {quote ? (
            <Flex vertical gap={16} data-testid="quote-result">
              <Descriptions column={1} size="small" bordered title={t('checkout.result')}>
                <Descriptions.Item label={t('checkout.subtotal')}>
                  <span data-testid="quote-subtotal">{money(quote.subtotal)}</span>
                </Descriptions.Item>
                {quote.discounts.map((discount) => {
                  if (discount.source !== 'coupon') {
                    return (
                      <Descriptions.Item
                        key={`${discount.source}:${discount.id}`}
                        label={t('checkout.benefitDiscount', { name: benefitName(discount.id) })}
                      >
                        <span data-testid="quote-benefit-discount">−{money(discount.amount)}</span>
                      </Descriptions.Item>
                    )
                  }
                  const coupon = couponById.get(discount.id)
                  return (
                    <Descriptions.Item
                      key={`${discount.source}:${discount.id}`}
                      label={t('checkout.discount', {
                        name: coupon ? couponName(coupon.code, coupon.template) : discount.id,
                      })}
                    >
                      <span data-testid="quote-discount">−{money(discount.amount)}</span>
                    </Descriptions.Item>
                  )
                })}
                <Descriptions.Item label={t('checkout.shipping')}>
                  {money(quote.shipping_fee)}
                </Descriptions.Item>
                {quote.shipping_discount > 0 ? (
                  <Descriptions.Item label={t('checkout.shippingDiscount')}>
                    <span data-testid="quote-shipping-discount">
                      −{money(quote.shipping_discount)}
                    </span>
                  </Descriptions.Item>
                ) : null}
                {quote.points_redeemed > 0 ? (
                  <Descriptions.Item
                    label={t('checkout.pointsUsed', {
                      points: format.number(quote.points_redeemed),
                    })}
                  >
                    <span data-testid="quote-points-value">−{money(quote.points_value)}</span>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={<strong>{t('checkout.total')}</strong>}>
                  <strong data-testid="quote-total">{money(quote.total)}</strong>
                </Descriptions.Item>
                <Descriptions.Item label={t('checkout.pointsToEarn')}>
                  <span data-testid="quote-points-to-earn">
                    {format.number(quote.points_to_earn)}
                  </span>
                </Descriptions.Item>
              </Descriptions>
              {quote.coupons_refused.length > 0 ? (
                <List
                  size="small"
                  header={<strong>{t('checkout.refused')}</strong>}
                  bordered
                  dataSource={quote.coupons_refused}
                  data-testid="quote-refused"
                  renderItem={(coupon) => (
                    <List.Item extra={reasonTag(coupon)}>
                      {couponName(coupon.code, coupon.template)}
                    </List.Item>
                  )}
                />
              ) : null}
              {quote.applicable_coupons.length > 0 ? (
                <List
                  size="small"
                  header={<strong>{t('checkout.applicable')}</strong>}
                  bordered
                  dataSource={quote.applicable_coupons}
                  data-testid="quote-applicable"
                  renderItem={(coupon) => (
                    <List.Item extra={reasonTag(coupon)}>
                      {couponName(coupon.code, coupon.template)}
                    </List.Item>
                  )}
                />
              ) : null}
            </Flex>
          ) : null}
        </Col>
      </Row>
    </Card>
  )
}
