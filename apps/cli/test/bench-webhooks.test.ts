import { describe, expect, it } from 'vitest'
import { bench, table } from './bench.support.js'

// A smoke test with tiny settings, as in bench.test.ts: it proves that the webhooks scenario
// runs and that every delivery reached the receiver exactly once, never how fast.

describe('loyalbase bench --scenarios webhooks', () => {
  it('delivers one webhook per order to the receiver, exactly once, beside plain orders', async () => {
    const outcome = await bench(['--scenarios', 'orders,webhooks'])
    expect(outcome.code).toBe(0)
    const loads = table(outcome.stdout, 'HTTP load') ?? []
    expect(loads.map((row) => row.scenario)).toEqual(['orders/s', 'orders/s, webhook on'])
    const load = loads[1]
    expect(load?.['non-2xx']).toBe('0')
    const [, check] = table(outcome.stdout, 'Orders check') ?? []
    expect(check).toMatchObject({ load: 'orders/s, webhook on', check: 'OK' })
    const orders = check?.['orders in db'] as string
    expect(Number(orders)).toBeGreaterThan(0)

    const [exact] = table(outcome.stdout, 'Webhooks check') ?? []
    expect(exact).toMatchObject({
      orders,
      events: orders,
      deliveries: orders,
      delivered: orders,
      pending: '0',
      failed: '0',
      received: orders,
      duplicates: '0',
      unknown: '0',
      missed: '0',
      malformed: '0',
      check: 'OK',
    })

    const [rates] = table(outcome.stdout, 'Webhook deliveries') ?? []
    expect(rates?.['orders/s, webhook on']).toBe(load?.['requests/s'])
    expect(rates?.['plain orders/s']).toBe(loads[0]?.['requests/s'])
    expect(Number(rates?.['on / plain'])).toBeGreaterThan(0)
    expect(Number(rates?.['deliveries/s overall'])).toBeGreaterThan(0)
    const [delays] = table(outcome.stdout, 'Webhook delay') ?? []
    expect(delays?.deliveries).toBe(orders)
    // Every order answered 2xx has its delivery's delay after the answer too.
    expect(Number(delays?.['after 2xx'])).toBe(Number(check?.['2xx']))
    // A delivery is received after its event was recorded.
    expect(Number(delays?.['delay p50 ms'])).toBeGreaterThanOrEqual(0)
    expect(Number(delays?.['delay p99 ms'])).toBeGreaterThanOrEqual(
      Number(delays?.['delay p50 ms']),
    )
  }, 120_000)
})
