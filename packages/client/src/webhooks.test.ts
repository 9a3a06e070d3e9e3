import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { constructWebhookEvent, verifyWebhookSignature, WebhookSignatureError } from './webhooks.js'

const AT = new Date('2026-12-01T08:00:00Z')
const T = Math.floor(AT.getTime() / 1000)

// As api.md states the header, computed here independently of the server's code.
function sign(secret: string, body: string, t = T) {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

describe('verifyWebhookSignature', () => {
  it('accepts what was signed, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (secret, body, other) => {
        const header = sign(secret, body)
        expect(verifyWebhookSignature(secret, body, header, { now: AT })).toBe(true)
        expect(verifyWebhookSignature(secret, Buffer.from(body), header, { now: AT })).toBe(true)
        if (other !== body)
          expect(verifyWebhookSignature(secret, other, header, { now: AT })).toBe(false)
        expect(verifyWebhookSignature(`${secret}x`, body, header, { now: AT })).toBe(false)
      }),
    )
  })

  it('refuses a stale time, a malformed header, and accepts any one of several v1', () => {
    const header = sign('s', 'body')
    const later = new Date(AT.getTime() + 301_000)
    expect(verifyWebhookSignature('s', 'body', header, { now: later })).toBe(false)
    expect(verifyWebhookSignature('s', 'body', header, { now: later, toleranceSeconds: 600 })).toBe(
      true,
    )
    for (const bad of [
      undefined,
      null,
      '',
      'v1=abc',
      't=x,v1=abc',
      header.replace(/v1=../, 'v1=zz'),
    ])
      expect(verifyWebhookSignature('s', 'body', bad, { now: AT })).toBe(false)
    expect(verifyWebhookSignature('s', 'body', `${header},v1=${'0'.repeat(64)}`, { now: AT })).toBe(
      true,
    )
  })
})

describe('constructWebhookEvent', () => {
  it('reads a signed delivery as its typed event, and throws on a bad signature', () => {
    const body = JSON.stringify({
      id: 'evt_1',
      type: 'points.earned',
      created_at: AT.toISOString(),
      data: { member: 'mem_1', points: 129 },
    })
    const event = constructWebhookEvent('s', body, sign('s', body), { now: AT })
    expect(event.type).toBe('points.earned')
    if (event.type === 'points.earned') expect(event.data.points).toBe(129)
    expect(() => constructWebhookEvent('s', `${body} `, sign('s', body), { now: AT })).toThrow(
      WebhookSignatureError,
    )
  })
})
