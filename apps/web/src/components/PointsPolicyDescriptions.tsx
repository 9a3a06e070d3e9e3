import { Descriptions, type DescriptionsProps } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { PointsExpiry, Program } from '../api/program'
import { currencyFractionDigits } from '../i18n/format'
import { useFormat } from '../i18n/use-format'

export function describeExpiry(expiry: PointsExpiry, t: TFunction): string {
  switch (expiry.type) {
    case 'rolling':
      return t('settings.expiryRolling', { months: expiry.months })
    case 'annual':
      return t('settings.expiryAnnual', { years: expiry.years_after })
    default:
      return t('settings.expiryNone')
  }
}

/** A program's points policy, read-only, in words. */
export function PointsPolicyDescriptions({ program }: { program: Program }) {
  const { t } = useTranslation()
  const format = useFormat(program.timezone)
  const policy = program.points_policy
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'))
  // `redeem_rate` points are worth one major unit of the currency (100 points = ¥1).
  const oneMajorUnit = 10 ** currencyFractionDigits(program.currency)

  const items: DescriptionsProps['items'] = [
    { key: 'expiry', label: t('settings.expiry'), children: describeExpiry(policy.expiry, t) },
    {
      key: 'pending_days',
      label: t('settings.pendingDays'),
      children: t('settings.pendingDaysValue', { days: policy.pending_days }),
    },
    {
      key: 'redeem_rate',
      label: t('settings.redeemRate'),
      children: t('settings.redeemRateValue', {
        points: format.number(policy.redeem_rate),
        amount: format.money(oneMajorUnit, program.currency),
      }),
    },
    {
      key: 'max_redeem_percent',
      label: t('settings.maxRedeemPercent'),
      children: `${policy.max_redeem_percent}%`,
    },
    {
      key: 'allow_negative',
      label: t('settings.allowNegative'),
      children: yesNo(policy.allow_negative),
    },
  ]
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={items}
      data-testid="points-policy"
    />
  )
}
