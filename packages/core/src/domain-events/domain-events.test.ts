import { readFileSync } from 'node:fs'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { DOMAIN_EVENT_SCHEMAS, domainEvent } from './domain-events.js'

describe('domain events', () => {
  it('name every type <thing>.<what happened>, and document each in the catalogue', () => {
    const catalogue = readFileSync(
      new URL('../../../../docs/domain-events.md', import.meta.url),
      'utf8',
    )
    for (const type of Object.keys(DOMAIN_EVENT_SCHEMAS)) {
      expect(type).toMatch(/^[a-z]+\.[a-z_]+$/)
      expect(catalogue, type).toContain(`| \`${type}\` |`)
    }
  })

  it('give each event a stable id and a payload its schema accepts', () => {
    const at = new Date('2026-05-01T04:00:00Z')
    const a = domainEvent(
      'prog_1',
      'tier.changed',
      'mem_1',
      { member: 'mem_1', from: 'a', to: 'b', reason: 'upgrade' },
      at,
    )
    const b = domainEvent('prog_1', 'tier.changed', 'mem_1', a.data, at)
    expect(a.id).toMatch(/^evt_[0-9A-Z]{26}$/)
    expect(a.id < b.id).toBe(true)
    expect(Value.Check(DOMAIN_EVENT_SCHEMAS['tier.changed'], a.data)).toBe(true)
    expect(Value.Check(DOMAIN_EVENT_SCHEMAS['tier.changed'], { ...a.data, reason: 'bogus' })).toBe(
      false,
    )
  })
})
