import { describe, expect, it } from 'vitest'
import { parsePortalFragment } from './portal-token'

describe('parsePortalFragment', () => {
  it('reads the token and locale from the link’s fragment', () => {
    expect(parsePortalFragment('#token=lb_ps_abc&locale=en')).toEqual({
      token: 'lb_ps_abc',
      locale: 'en',
      rest: '',
    })
  })

  it('keeps unrelated fragment parameters', () => {
    expect(parsePortalFragment('#token=lb_ps_abc&tab=coupons').rest).toBe('tab=coupons')
  })

  it('finds nothing in an empty fragment', () => {
    expect(parsePortalFragment('')).toEqual({ token: null, locale: null, rest: '' })
    expect(parsePortalFragment('#token=')).toEqual({ token: null, locale: null, rest: '' })
  })
})
