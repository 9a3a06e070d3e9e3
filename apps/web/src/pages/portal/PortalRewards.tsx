import './portal-rewards.css'
import { App, Button, Modal, Skeleton, Tag } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../api/client'
import { newIdempotencyKey } from '../../api/idempotency'
import {
  listPortalRedemptions,
  listPortalRewards,
  type PortalReward,
  redeemPortalReward,
} from '../../api/portal'
import { useQuery } from '../../api/use-query'
import { useErrorToast } from '../../components/ApiProblem'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormat } from '../../i18n/use-format'

const PAGE_SIZE = 50

export interface PortalRewardsProps {
  api: ApiClient
  currency: string
  timeZone?: string
  /** After a redemption: the member's balance changed. */
  onRedeemed(): void
}

/** "积分商城": each reward with its state for the member, redeemed after a confirmation. */
export function PortalRewards({ api, currency, timeZone, onRedeemed }: PortalRewardsProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const format = useFormat(timeZone)
  const [version, setVersion] = useState(0)
  const [confirming, setConfirming] = useState<PortalReward | null>(null)
  const [redeeming, setRedeeming] = useState(false)
  // One key per confirmed redemption: a retry after a lost answer cannot redeem twice.
  const keyRef = useRef<string | null>(null)
  const rewards = useQuery(`portal:rewards:${version}`, (signal) =>
    listPortalRewards(api, { limit: PAGE_SIZE }, signal),
  )
  const history = useQuery(`portal:redemptions:${version}`, (signal) =>
    listPortalRedemptions(api, { limit: 10 }, signal),
  )

  const redeem = async () => {
    if (!confirming || redeeming) return
    keyRef.current ??= newIdempotencyKey()
    setRedeeming(true)
    try {
      const redemption = await redeemPortalReward(api, confirming.id, keyRef.current)
      keyRef.current = null
      void message.success(
        t(redemption.coupon ? 'portalRewards.redeemedCoupon' : 'portalRewards.redeemed'),
      )
      setConfirming(null)
      setVersion((v) => v + 1)
      onRedeemed()
    } catch (error) {
      keyRef.current = null
      toastError(error)
      setConfirming(null)
      setVersion((v) => v + 1)
    } finally {
      setRedeeming(false)
    }
  }

  const rows = rewards.data?.data ?? []
  return (
    <section className="lb-portal-panel lb-portal-rewards" data-testid="portal-rewards">
      <h2 className="lb-portal-panel-title">{t('portalRewards.title')}</h2>
      {rewards.error ? <ErrorAlert error={rewards.error} onRetry={rewards.reload} /> : null}
      {!rewards.data && rewards.loading ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {rewards.data && rows.length === 0 ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalRewards.empty')}</p>
      ) : null}
      <ul className="lb-reward-list">
        {rows.map((reward) => {
          const status = reward.eligibility?.status ?? 'available'
          const available = status === 'available'
          return (
            <li
              key={reward.id}
              className={available ? 'lb-reward' : 'lb-reward lb-reward-muted'}
              data-testid="portal-reward"
              data-status={status}
            >
              {reward.image_url ? (
                <img className="lb-reward-image" src={reward.image_url} alt="" />
              ) : null}
              <div className="lb-reward-body">
                <span className="lb-reward-name" data-testid="portal-reward-name">
                  {reward.name}
                </span>
                {reward.description ? (
                  <span className="lb-portal-muted">{reward.description}</span>
                ) : null}
                <span className="lb-reward-price">
                  {t('portalRewards.points', { points: format.number(reward.points_cost) })}
                  {reward.cash_cost > 0
                    ? ` ${t('portalRewards.cash', { cash: format.money(reward.cash_cost, currency) })}`
                    : ''}
                </span>
                {reward.stock_remaining !== null && reward.stock_remaining > 0 ? (
                  <span className="lb-portal-muted">
                    {t('portalRewards.left', { count: reward.stock_remaining })}
                  </span>
                ) : null}
              </div>
              <div className="lb-reward-action">
                {available ? (
                  <Button
                    type="primary"
                    onClick={() => setConfirming(reward)}
                    data-testid="portal-reward-redeem"
                  >
                    {t('portalRewards.redeem')}
                  </Button>
                ) : (
                  <Tag data-testid="portal-reward-status">
                    {t(`portalRewards.status.${status}`)}
                  </Tag>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      <h3 className="lb-reward-history-title">{t('portalRewards.history')}</h3>
      {history.error ? <ErrorAlert error={history.error} onRetry={history.reload} /> : null}
      {history.data && history.data.data.length === 0 ? (
        <p className="lb-portal-muted">{t('portalRewards.historyEmpty')}</p>
      ) : null}
      <ul className="lb-reward-history" data-testid="portal-redemptions">
        {(history.data?.data ?? []).map((redemption) => (
          <li key={redemption.id} data-testid="portal-redemption" data-status={redemption.status}>
            <span>
              {redemption.reward_name}
              {redemption.quantity > 1 ? ` × ${redemption.quantity}` : ''}
            </span>
            <span className="lb-portal-muted">{format.date(redemption.created_at)}</span>
            <Tag>{t(`portalRewards.redemptionStatus.${redemption.status}`)}</Tag>
          </li>
        ))}
      </ul>
      <Modal
        open={confirming !== null}
        title={confirming ? t('portalRewards.confirmTitle', { name: confirming.name }) : ''}
        okText={t('portalRewards.confirmOk')}
        cancelText={t('portalRewards.confirmCancel')}
        onOk={redeem}
        onCancel={() => setConfirming(null)}
        confirmLoading={redeeming}
        okButtonProps={{ 'data-testid': 'portal-reward-confirm' }}
      >
        {confirming
          ? t('portalRewards.confirmBody', { points: format.number(confirming.points_cost) })
          : null}
      </Modal>
    </section>
  )
}
