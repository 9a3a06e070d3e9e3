import { describe, expect, it } from 'vitest'
import type { PointsPolicy } from '../../../api/program'
import { formToPolicy, policyFieldForPath, policyToForm } from './policy-form'

const defaults: PointsPolicy = {
  expiry: { type: 'none' },
  pending_days: 0,
  redeem_rate: 100,
  max_redeem_percent: 50,
  allow_negative: false,
}

describe('points policy form', () => {
  it('round-trips each kind of expiry', () => {
    for (const expiry of [
      { type: 'none' },
      { type: 'rolling', months: 24 },
      { type: 'annual', years_after: 0 },
    ] as const) {
      const policy = { ...defaults, expiry }
      expect(formToPolicy(policyToForm(policy))).toEqual(policy)
    }
  })

  it('sends only the fields of the chosen expiry', () => {
    const values = { ...policyToForm(defaults), expiryType: 'rolling' as const, months: 6 }
    expect(formToPolicy(values).expiry).toEqual({ type: 'rolling', months: 6 })
  })

  it('finds the field a server problem names', () => {
    expect(policyFieldForPath('points_policy.pending_days')).toBe('pendingDays')
    expect(policyFieldForPath('points_policy.expiry.months')).toBe('months')
    expect(policyFieldForPath('points_policy.expiry')).toBe('expiryType')
    expect(policyFieldForPath('pending_days')).toBeNull()
    expect(policyFieldForPath('points_policy.bogus')).toBeNull()
  })
})
