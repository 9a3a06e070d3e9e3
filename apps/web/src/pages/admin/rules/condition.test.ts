import { describe, expect, it } from 'vitest'
import {
  formatCondition,
  insertCondition,
  isConditionPath,
  normaliseRulePath,
  parseCondition,
} from './condition'

describe('parseCondition', () => {
  it('reads empty text as no condition', () => {
    expect(parseCondition('  ')).toEqual({ ok: true, value: null })
  })

  it('accepts a JSON object', () => {
    expect(parseCondition('{"==": [1, 1]}')).toEqual({ ok: true, value: { '==': [1, 1] } })
  })

  it('rejects broken JSON and what is not an object', () => {
    expect(parseCondition('{"==": [1, 1]')).toMatchObject({ ok: false, reason: 'json' })
    expect(parseCondition('[1]')).toEqual({ ok: false, reason: 'object' })
    expect(parseCondition('true')).toEqual({ ok: false, reason: 'object' })
  })
})

describe('insertCondition', () => {
  const template = { '==': [{ var: 'order.channel' }, 'store'] }

  it('fills an empty editor', () => {
    expect(JSON.parse(insertCondition('', template))).toEqual(template)
  })

  it('combines with what is there', () => {
    const first = { '>=': [{ var: 'order.amount' }, 10000] }
    const once = insertCondition(JSON.stringify(first), template)
    expect(JSON.parse(once)).toEqual({ and: [first, template] })
    const twice = insertCondition(once, { '==': [1, 1] })
    expect(JSON.parse(twice)).toEqual({ and: [first, template, { '==': [1, 1] }] })
  })

  it('replaces text that is not JSON', () => {
    expect(JSON.parse(insertCondition('{oops', template))).toEqual(template)
  })
})

describe('problem paths', () => {
  it('finds the condition whether it came from a create or a preview', () => {
    expect(isConditionPath('condition.and[0].bogus')).toBe(true)
    expect(isConditionPath('rule.condition')).toBe(true)
    expect(isConditionPath('rule.reward.per')).toBe(false)
    expect(normaliseRulePath('rule.reward.per')).toBe('reward.per')
  })
})

describe('formatCondition', () => {
  it('keeps what fits on one line', () => {
    expect(formatCondition({ '>=': [{ var: 'order.amount' }, 10000] })).toBe(
      '{ ">=": [{ "var": "order.amount" }, 10000] }',
    )
  })

  it('breaks larger values member by member, leaving strings alone', () => {
    const condition = {
      and: [
        { '==': [{ var: 'order.channel' }, 'store, online: 1'] },
        { '>=': [{ var: 'order.amount' }, 20000] },
      ],
    }
    const text = formatCondition(condition)
    expect(text).toBe(
      [
        '{',
        '  "and": [',
        '    { "==": [{ "var": "order.channel" }, "store, online: 1"] },',
        '    { ">=": [{ "var": "order.amount" }, 20000] }',
        '  ]',
        '}',
      ].join('\n'),
    )
    expect(JSON.parse(text)).toEqual(condition)
  })
})
