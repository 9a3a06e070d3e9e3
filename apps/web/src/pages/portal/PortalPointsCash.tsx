import { WalletOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PortalProgram } from '../../api/portal'
import { currencyFractionDigits } from '../../i18n/format'
import { useFormat } from '../../i18n/use-format'
import { pointsCashValue } from './points-cash'

/** "积分可抵现 ¥12.34", and that it is at most a share of an order. */
export function PortalPointsCash({ points, program }: { points: number; program: PortalProgram }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { redeem_rate, max_redeem_percent } = program.points_policy
  const value = pointsCashValue(points, redeem_rate, program.currency)
  return (
    <section className="lb-portal-panel lb-portal-cash" data-testid="portal-points-cash">
      <WalletOutlined className="lb-portal-icon" />
      <div className="lb-portal-row-text">
        <div data-testid="portal-points-cash-value">
          {t('portalCoupons.cash', { amount: format.moneyShort(value, program.currency) })}
        </div>
        <div className="lb-portal-muted">
          {t('portalCoupons.cashHint', {
            percent: format.number(max_redeem_percent),
            rate: format.number(redeem_rate),
            unit: format.moneyShort(
              10 ** currencyFractionDigits(program.currency),
              program.currency,
            ),
          })}
        </div>
      </div>
    </section>
  )
}
