import { describe, expect, it } from 'vitest'
import type { TierLadder } from '../../../api/tiers'
import {
  draftToLadder,
  type LadderDraft,
  ladderToDraft,
  moveRow,
  newRow,
  normalisePath,
  rowOfPath,
  sameDraft,
  validateDraft,
} from './ladder-form'

const ladder: TierLadder = {
  metric: 'spend',
  window: { type: 'calendar_year' },
  downgrade: { type: 'period_end', grace_days: 30, steps: 1 },
  tiers: [
    { key: 'normal', name: '普通会员', threshold: 0 },
    { key: 'silver', name: '银卡', name_en: 'Silver', threshold: 100000, color: '#9CA3AF' },
    { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 500000, color: '#d4a017' },
  ],
}

function draft(overrides: Partial<LadderDraft> = {}): LadderDraft {
  return { ...ladderToDraft(ladder, 'CNY'), ...overrides }
}

describe('ladder form', () => {
  it('shows money thresholds in yuan and sends them in minor units', () => {
    const form = draft()
    expect(form.tiers.map((row) => row.threshold)).toEqual([0, 1000, 5000])
    expect(form.tiers[1]?.color).toBe('#9ca3af')
    const back = draftToLadder(form, 'CNY')
    expect(back.tiers.map((tier) => tier.threshold)).toEqual([0, 100000, 500000])
    expect(back.downgrade).toEqual({ type: 'period_end', grace_days: 30, steps: 1 })
    expect(back.window).toEqual({ type: 'calendar_year' })
    expect(back.tiers[0]).toEqual({ key: 'normal', name: '普通会员', threshold: 0 })
  })

  it('keeps counts as integers and builds window and downgrade objects', () => {
    const form = draft({
      metric: 'orders',
      windowType: 'rolling',
      months: 6,
      steps: null,
      period: 'quarter',
      tiers: [
        newRow({ key: 'a', name: 'A', threshold: 0 }),
        newRow({ key: 'b', name: 'B', threshold: 5 }),
      ],
    })
    const back = draftToLadder(form, 'CNY')
    expect(back.tiers.map((tier) => tier.threshold)).toEqual([0, 5])
    expect(back.window).toEqual({ type: 'rolling', months: 6 })
    expect(back.downgrade).toEqual({ type: 'period_end', grace_days: 30, period: 'quarter' })
    expect(draftToLadder(draft({ downgradeType: 'never' }), 'CNY').downgrade).toEqual({
      type: 'never',
    })
  })

  it('finds what the server would refuse, on the row it concerns', () => {
    expect(validateDraft(draft(), 'CNY')).toEqual([])
    const rows = [
      newRow({ key: 'normal', name: '普通', threshold: 10 }),
      newRow({ key: 'Gold', name: '', threshold: 5 }),
      newRow({ key: 'normal', name: 'x', threshold: 5 }),
      newRow({ key: '', name: 'y', threshold: null }),
    ]
    expect(validateDraft(draft({ tiers: rows }), 'CNY')).toEqual([
      { path: 'tiers[0].threshold', code: 'firstZero' },
      { path: 'tiers[1].key', code: 'keyPattern' },
      { path: 'tiers[1].name', code: 'nameRequired' },
      { path: 'tiers[1].threshold', code: 'rising' },
      { path: 'tiers[2].key', code: 'keyDuplicate' },
      { path: 'tiers[2].threshold', code: 'rising' },
      { path: 'tiers[3].key', code: 'keyRequired' },
      { path: 'tiers[3].threshold', code: 'thresholdRequired' },
    ])
    expect(validateDraft(draft({ windowType: 'rolling', months: null }), 'CNY')).toEqual([
      { path: 'window.months', code: 'monthsRequired' },
    ])
    expect(validateDraft(draft({ tiers: [] }), 'CNY')).toEqual([{ path: 'tiers', code: 'empty' }])
  })

  it('compares rising thresholds in minor units (¥0.01 apart is rising)', () => {
    const rows = [
      newRow({ key: 'a', name: 'A', threshold: 0 }),
      newRow({ key: 'b', name: 'B', threshold: 0.01 }),
    ]
    expect(validateDraft(draft({ tiers: rows }), 'CNY')).toEqual([])
  })

  it('maps server paths to rows', () => {
    expect(normalisePath('/tiers/2/key')).toBe('tiers[2].key')
    expect(normalisePath('tiers.2.key')).toBe('tiers[2].key')
    expect(rowOfPath('tiers[2].threshold')).toEqual({ index: 2, field: 'threshold' })
    expect(rowOfPath('tiers[1]')).toEqual({ index: 1, field: '' })
    expect(rowOfPath('window.months')).toBeNull()
  })

  it('moves rows up and down, not past the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('knows when nothing changed', () => {
    expect(sameDraft(draft(), draft(), 'CNY')).toBe(true)
    expect(sameDraft(draft(), draft({ metric: 'growth' }), 'CNY')).toBe(false)
  })
})
