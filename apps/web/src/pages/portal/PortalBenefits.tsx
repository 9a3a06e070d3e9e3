import './portal-benefits.css'
import {
  CalendarOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  GiftOutlined,
  PercentageOutlined,
  RiseOutlined,
  StarOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons'
import { Skeleton } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type BenefitType, listPortalBenefits, type PortalBenefit } from '../../api/benefits'
import type { ApiClient } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { useBenefitText } from '../../components/benefits/use-benefit-text'
import { ErrorAlert } from '../../components/ErrorAlert'

const ICONS: Record<BenefitType, ReactNode> = {
  free_shipping: <CarOutlined />,
  discount: <PercentageOutlined />,
  points_multiplier: <RiseOutlined />,
  early_access: <ThunderboltOutlined />,
  event_invitation: <StarOutlined />,
  dedicated_service: <CustomerServiceOutlined />,
  appointment: <CalendarOutlined />,
  custom: <GiftOutlined />,
}

export interface PortalBenefitsProps {
  api: ApiClient
  currency: string
  timeZone?: string
}

/** "我的权益": each benefit of the member's tier, with what is left this period and when it resets. */
export function PortalBenefits({ api, currency, timeZone }: PortalBenefitsProps) {
  const { t } = useTranslation()
  const text = useBenefitText(currency, timeZone)
  const benefits = useQuery('portal:benefits', (signal) => listPortalBenefits(api, signal))
  const list = benefits.data ?? []
  return (
    <section className="lb-portal-panel lb-portal-benefits" data-testid="portal-benefits">
      <h2 className="lb-portal-panel-title">{t('portalBenefits.title')}</h2>
      {benefits.error ? <ErrorAlert error={benefits.error} onRetry={benefits.reload} /> : null}
      {benefits.loading && !benefits.data ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : null}
      {benefits.data && list.length === 0 ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalBenefits.empty')}</p>
      ) : null}
      <ul className="lb-benefit-list">
        {list.map((benefit) => (
          <BenefitRow key={benefit.key} benefit={benefit} text={text} />
        ))}
      </ul>
    </section>
  )
}

function BenefitRow({
  benefit,
  text,
}: {
  benefit: PortalBenefit
  text: ReturnType<typeof useBenefitText>
}) {
  const { t } = useTranslation()
  const config = text.config(benefit)
  const quota = benefit.quota
  const usedUp = quota !== null && quota.remaining === 0
  return (
    <li
      className={usedUp ? 'lb-benefit lb-benefit-used-up' : 'lb-benefit'}
      data-testid="portal-benefit"
      data-benefit={benefit.key}
    >
      <span className="lb-benefit-icon" aria-hidden>
        {ICONS[benefit.type]}
      </span>
      <span className="lb-benefit-body">
        <span className="lb-benefit-name">{benefit.name}</span>
        <span className="lb-portal-muted">
          {config ? `${text.type(benefit.type)} · ${config}` : text.type(benefit.type)}
        </span>
      </span>
      <span className="lb-benefit-left">
        {quota ? (
          <>
            <span data-testid="portal-benefit-remaining">{text.remaining(quota)}</span>
            <br />
            <span className="lb-portal-muted" data-testid="portal-benefit-resets">
              {usedUp ? `${t('portalBenefits.usedUp')} · ` : ''}
              {text.resets(quota.resets_at)}
            </span>
          </>
        ) : (
          <span data-testid="portal-benefit-remaining">{t('portalBenefits.unlimited')}</span>
        )}
      </span>
    </li>
  )
}
