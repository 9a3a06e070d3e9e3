import { describe, expect, it } from 'vitest'
import { isConditionPath, parseSegmentCondition, segmentTemplates } from './segment-form'

describe('the segment form', () => {
  it('takes a JsonLogic object, and says why anything else is not one', () => {
    expect(parseSegmentCondition('{ ">=": [{ "var": "points" }, 1000] }')).toEqual({
      ok: true,
      value: { '>=': [{ var: 'points' }, 1000] },
    })
    expect(parseSegmentCondition('  ')).toEqual({ ok: false, reason: 'empty' })
    expect(parseSegmentCondition('[1]')).toEqual({ ok: false, reason: 'object' })
    expect(parseSegmentCondition('null')).toEqual({ ok: false, reason: 'object' })
    expect(parseSegmentCondition('{ "==": ')).toMatchObject({ ok: false, reason: 'json' })
    const big = JSON.stringify({ in: [{ var: 'attributes.city' }, ['x'.repeat(17_000)]] })
    expect(parseSegmentCondition(big)).toEqual({ ok: false, reason: 'size' })
  })

  it('knows the condition’s paths', () => {
    expect(isConditionPath('condition')).toBe(true)
    expect(isConditionPath('condition.and[0].==[0].var')).toBe(true)
    expect(isConditionPath('name')).toBe(false)
    expect(isConditionPath('conditional')).toBe(false)
  })

  it('offers templates, the birthday month in the program’s zone', () => {
    // 16:30 UTC on 31 January is already 1 February in Shanghai.
    const templates = segmentTemplates(new Date('2027-01-31T16:30:00Z'), 'Asia/Shanghai')
    expect(templates.find((item) => item.key === 'birthdayMonth')?.condition).toEqual({
      '==': [{ var: 'birthday_month' }, 2],
    })
    expect(templates.map((item) => item.key)).toEqual([
      'tier',
      'spend',
      'lapsed',
      'birthdayMonth',
      'points',
      'city',
    ])
  })
})
