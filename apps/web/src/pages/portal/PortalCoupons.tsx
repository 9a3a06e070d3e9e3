import './portal-coupons.css'
import { CopyOutlined } from '@ant-design/icons'
import { App, Button, Skeleton, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../api/client'
import { listPortalCoupons, type PortalCoupon, type PortalCouponStatus } from '../../api/portal'
import { useQuery } from '../../api/use-query'
import { useCouponText } from '../../components/coupons/use-coupon-text'
import { ErrorAlert } from '../../components/ErrorAlert'

const STATUSES = ['active', 'redeemed', 'expired'] as const satisfies readonly PortalCouponStatus[]
const PAGE_SIZE = 20

export interface PortalCouponsProps {
  api: ApiClient
  currency: string
  timeZone?: string
}

/** "我的优惠券": usable, used and expired coupons, each saying what it does and until when. */
export function PortalCoupons({ api, currency, timeZone }: PortalCouponsProps) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<PortalCouponStatus>('active')
  return (
    <section className="lb-portal-panel lb-portal-coupons" data-testid="portal-coupons">
      <h2 className="lb-portal-panel-title">{t('portalCoupons.title')}</h2>
      <Tabs
        activeKey={status}
        onChange={(key) => setStatus(key as PortalCouponStatus)}
        items={STATUSES.map((key) => ({
          key,
          label: (
            <span data-testid={`portal-coupons-tab-${key}`}>{t(`portalCoupons.tabs.${key}`)}</span>
          ),
          children:
            key === status ? (
              <CouponList api={api} status={key} currency={currency} timeZone={timeZone} />
            ) : null,
        }))}
      />
    </section>
  )
}

function CouponList({
  api,
  status,
  currency,
  timeZone,
}: PortalCouponsProps & { status: PortalCouponStatus }) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<PortalCoupon[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const key = `portal:coupons:${status}:${cursor ?? ''}`
  const page = useQuery(key, (signal) =>
    listPortalCoupons(api, { status, limit: PAGE_SIZE, cursor: cursor ?? undefined }, signal),
  )
  const current = page.dataKey === key ? page.data : undefined
  const rows = current ? [...loaded, ...current.data] : loaded
  const nextCursor = current?.next_cursor ?? null
  return (
    <>
      {rows.length === 0 && current ? (
        <p className="lb-portal-muted lb-portal-empty">{t(`portalCoupons.empty.${status}`)}</p>
      ) : null}
      <ul className="lb-coupon-list" data-testid={`portal-coupons-${status}`}>
        {rows.map((coupon) => (
          <CouponCard key={coupon.id} coupon={coupon} currency={currency} timeZone={timeZone} />
        ))}
      </ul>
      {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
      {page.loading ? <Skeleton active paragraph={{ rows: 2 }} title={false} /> : null}
      {current && nextCursor ? (
        <Button
          block
          style={{ marginTop: 12 }}
          onClick={() => {
            setLoaded(rows)
            setCursor(nextCursor)
          }}
        >
          {t('portalCoupons.more')}
        </Button>
      ) : null}
    </>
  )
}

function CouponCard({
  coupon,
  currency,
  timeZone,
}: {
  coupon: PortalCoupon
  currency: string
  timeZone?: string
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const text = useCouponText(currency, timeZone)
  const { format } = text
  const now = Date.now()
  let when: string | null = null
  if (coupon.status === 'redeemed' && coupon.redeemed_at)
    when = t('portalCoupons.usedOn', { date: format.date(coupon.redeemed_at) })
  else if (coupon.status === 'expired' && coupon.expires_at)
    when = t('portalCoupons.expiredOn', { date: format.expiryDate(coupon.expires_at) })
  else if (coupon.starts_at && Date.parse(coupon.starts_at) > now)
    when = t('portalCoupons.startsOn', { date: format.date(coupon.starts_at) })
  else if (coupon.expires_at)
    when = t('portalCoupons.validUntil', { date: format.expiryDate(coupon.expires_at) })

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(coupon.code)
      void message.success(t('portalCoupons.copied'))
    } catch {
      // No clipboard (an old browser or plain http): the code stays on screen to copy by hand.
    }
  }

  return (
    <li
      className={coupon.status === 'active' ? 'lb-coupon' : 'lb-coupon lb-coupon-muted'}
      data-testid="portal-coupon"
      data-status={coupon.status}
    >
      <div className="lb-coupon-value" data-testid="portal-coupon-discount">
        {text.discount(coupon.terms)}
      </div>
      <div className="lb-coupon-body">
        <span className="lb-coupon-name">{coupon.terms.name}</span>
        <span className="lb-coupon-line">{text.scope(coupon.terms)}</span>
        {coupon.terms.stackable ? (
          <span className="lb-coupon-line">{t('portalCoupons.stackable')}</span>
        ) : null}
        {when ? (
          <span className="lb-coupon-line" data-testid="portal-coupon-when">
            {when}
          </span>
        ) : null}
        <span className="lb-coupon-code">
          <span className="lb-portal-muted">{t('portalCoupons.code')}</span>
          <span data-testid="portal-coupon-code">{coupon.code}</span>
          {coupon.status === 'active' ? (
            <Button
              type="text"
              size="small"
              icon={<CopyOutlined />}
              onClick={copy}
              aria-label={t('portalCoupons.copy')}
              title={t('portalCoupons.copy')}
              data-testid="portal-coupon-copy"
            />
          ) : null}
        </span>
      </div>
    </li>
  )
}
