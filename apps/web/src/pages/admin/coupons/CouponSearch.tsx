import { Card, Descriptions, Empty, Flex, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { type Coupon, findCouponByCode } from '../../../api/coupons'
import { useErrorToast } from '../../../components/ApiProblem'
import { CouponStatusTag } from '../../../components/coupons/CouponStatusTag'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

/**
 * Finds any coupon by its code — as a cashier or support agent reads it out, dashes and case
 * aside — and shows its state: template, member, dates and the order that used it.
 */
export function CouponSearch() {
  const { t } = useTranslation()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [searching, setSearching] = useState(false)
  const [result, setResult] = useState<{ code: string; coupon: Coupon | null } | null>(null)

  const search = async (value: string) => {
    const code = value.trim()
    if (!code) {
      setResult(null)
      return
    }
    setSearching(true)
    try {
      const found = await findCouponByCode(api, code)
      setResult({ code, coupon: found.data[0] ?? null })
    } catch (error) {
      toastError(error)
    } finally {
      setSearching(false)
    }
  }

  const empty = t('common.empty')
  const coupon = result?.coupon
  return (
    <Card title={t('coupons.search.title')} size="small">
      <Flex vertical gap={12}>
        <Input.Search
          placeholder={t('coupons.search.placeholder')}
          enterButton={t('coupons.search.button')}
          loading={searching}
          allowClear
          onSearch={search}
          style={{ maxWidth: 480 }}
          data-testid="coupon-search"
        />
        {result && !coupon ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('coupons.search.none', { code: result.code })}
          />
        ) : null}
        {coupon ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="coupon-found">
            <Descriptions.Item label={t('coupons.detail.code')}>
              <Typography.Text code copyable>
                {coupon.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.status')}>
              <CouponStatusTag status={coupon.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.search.template')}>
              <Link to={`/admin/coupons/${coupon.template}`}>{coupon.template}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.member')}>
              {coupon.member ? (
                <Link to={`/admin/members/${coupon.member}`}>{coupon.member}</Link>
              ) : (
                empty
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.issuedAt')}>
              {coupon.issued_at ? format.dateTime(coupon.issued_at) : empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.expiresAt')}>
              {coupon.expires_at ? format.expiryDate(coupon.expires_at) : empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.redeemedAt')}>
              {coupon.redeemed_at ? format.dateTime(coupon.redeemed_at) : empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.search.order')}>
              {coupon.order ? (
                <Link to={`/admin/orders/${encodeURIComponent(coupon.order)}`}>{coupon.order}</Link>
              ) : (
                empty
              )}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Flex>
    </Card>
  )
}
