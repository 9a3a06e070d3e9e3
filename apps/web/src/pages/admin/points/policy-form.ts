import type { PointsExpiry, PointsPolicy } from '../../../api/program'

/** The points-policy form's fields: the expiry union flattened into separate inputs. */
export interface PolicyFormValues {
  expiryType: PointsExpiry['type']
  months: number
  yearsAfter: number
  pendingDays: number
  redeemRate: number
  maxRedeemPercent: number
  allowNegative: boolean
}

export function policyToForm(policy: PointsPolicy): PolicyFormValues {
  return {
    expiryType: policy.expiry.type,
    months: policy.expiry.type === 'rolling' ? policy.expiry.months : 12,
    yearsAfter: policy.expiry.type === 'annual' ? policy.expiry.years_after : 1,
    pendingDays: policy.pending_days,
    redeemRate: policy.redeem_rate,
    maxRedeemPercent: policy.max_redeem_percent,
    allowNegative: policy.allow_negative,
  }
}

/** The whole policy for `PATCH /v1/program { points_policy }`. */
export function formToPolicy(values: PolicyFormValues): PointsPolicy {
  const expiry: PointsExpiry =
    values.expiryType === 'rolling'
      ? { type: 'rolling', months: values.months }
      : values.expiryType === 'annual'
        ? { type: 'annual', years_after: values.yearsAfter }
        : { type: 'none' }
  return {
    expiry,
    pending_days: values.pendingDays,
    redeem_rate: values.redeemRate,
    max_redeem_percent: values.maxRedeemPercent,
    allow_negative: values.allowNegative,
  }
}

const POLICY_FIELDS: Record<string, keyof PolicyFormValues> = {
  expiry: 'expiryType',
  'expiry.type': 'expiryType',
  'expiry.months': 'months',
  'expiry.years_after': 'yearsAfter',
  pending_days: 'pendingDays',
  redeem_rate: 'redeemRate',
  max_redeem_percent: 'maxRedeemPercent',
  allow_negative: 'allowNegative',
}

/** The form field a server problem's path (`points_policy.pending_days`) names, if any. */
export function policyFieldForPath(path: string): keyof PolicyFormValues | null {
  const inner = path.startsWith('points_policy.') ? path.slice('points_policy.'.length) : null
  return (inner !== null && POLICY_FIELDS[inner]) || null
}
