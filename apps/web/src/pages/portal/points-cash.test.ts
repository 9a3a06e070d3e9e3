import { describe, expect, it } from 'vitest'
import { pointsCashValue } from './points-cash'

describe('points as cash', () => {
  it('pays whole minor units, rounded down', () => {
    expect(pointsCashValue(1234, 100, 'CNY')).toBe(1234)
    expect(pointsCashValue(1999, 1000, 'CNY')).toBe(199)
    expect(pointsCashValue(150, 100, 'JPY')).toBe(1)
    expect(pointsCashValue(0, 100, 'CNY')).toBe(0)
    expect(pointsCashValue(-5, 100, 'CNY')).toBe(0)
  })
})
