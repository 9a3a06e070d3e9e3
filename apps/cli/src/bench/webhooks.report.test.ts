import { describe, expect, it } from 'vitest'
import { load, report } from './bench.fixtures.js'
import { formatReport } from './bench.report.js'
import { spread, type WebhookFiguresInput, webhookFigures } from './webhooks.figures.js'
import { webhooksSections } from './webhooks.report.js'

/**
 * Four orders recorded at 0, 1,000, 2,000 and 3,000 ms (the load's span: 3 s), each answered
 * 2xx 10 ms later and delivered 50 ms after its event, except the last, delivered 500 ms after.
 */
function input(): WebhookFiguresInput {
  const events = [0, 1, 2, 3].map((n) => ({
    id: `evt_${n}`,
    createdAt: n * 1_000,
    order: `o-${n}`,
  }))
  const deliveries = events.map((event, n) => ({
    id: `dlv_${n}`,
    eventId: event.id,
    status: 'delivered',
    attempts: 1,
  }))
  return {
    events,
    deliveries,
    received: {
      eventIds: events.map((event) => event.id),
      deliveryIds: deliveries.map((delivery) => delivery.id),
      at: [50, 1_050, 2_050, 3_500],
      malformed: 0,
    },
    orders: 4,
    answeredAt: new Map(events.map((event) => [event.order, event.createdAt + 10])),
  }
}

describe('spread', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i)
    expect(spread(values)).toEqual({ count: 200, p50: 100, p99: 198, max: 200 })
    expect(spread([7])).toEqual({ count: 1, p50: 7, p99: 7, max: 7 })
    expect(spread([])).toEqual({ count: 0, p50: 0, p99: 0, max: 0 })
  })
})

describe('webhookFigures', () => {
  it('measures rates over the load and to the last delivery, and each delay', () => {
    const figures = webhookFigures(input())
    expect(figures).toMatchObject({
      events: 4,
      deliveries: 4,
      delivered: 4,
      received: 4,
      loadSeconds: 3,
      // Three deliveries arrived by the last event's created_at; the fourth 0.5 s after it.
      receivedDuringLoad: 3,
      duringLoadPerSecond: 1,
      backlogAtLoadEnd: 1,
      drainSeconds: 0.5,
      drainPerSecond: 2,
      totalSeconds: 3.5,
      fromEvent: { count: 4, p50: 50, p99: 500, max: 500 },
      fromAnswer: { count: 4, p50: 40, p99: 490, max: 490 },
      ok: true,
    })
    expect(figures.eventsPerSecond).toBeCloseTo(4 / 3)
    expect(figures.deliveriesPerSecond).toBeCloseTo(4 / 3.5)
  })

  it('leaves out of the delay after the 2xx the orders whose answer was cut off', () => {
    const cut = input()
    cut.answeredAt = new Map([['o-0', 10]])
    expect(webhookFigures(cut).fromAnswer).toEqual({ count: 1, p50: 40, p99: 40, max: 40 })
  })

  it('fails on a duplicate, a request of another delivery, a missed delivery, or one pending', () => {
    const duplicate = input()
    duplicate.received.eventIds.push('evt_0')
    duplicate.received.deliveryIds.push('dlv_0')
    duplicate.received.at.push(6_000)
    const twice = webhookFigures(duplicate)
    expect(twice).toMatchObject({ received: 5, duplicates: 1, unknown: 0, ok: false })
    // The first arrival counts: the duplicate moves neither the delay nor the drain.
    expect(twice.fromEvent.max).toBe(500)
    expect(twice.drainSeconds).toBe(0.5)

    const wrong = input()
    wrong.received.deliveryIds[1] = 'dlv_9'
    expect(webhookFigures(wrong)).toMatchObject({ unknown: 1, ok: false })

    const missed = input()
    for (const list of [missed.received.eventIds, missed.received.deliveryIds, missed.received.at])
      list.pop()
    expect(webhookFigures(missed)).toMatchObject({
      received: 3,
      missed: 1,
      backlogAtLoadEnd: 1,
      ok: false,
    })

    const pending = input()
    pending.deliveries = pending.deliveries.map((delivery, i) =>
      i === 0 ? { ...delivery, status: 'pending' } : delivery,
    )
    expect(webhookFigures(pending)).toMatchObject({ delivered: 3, pending: 1, ok: false })

    const fewer = input()
    fewer.orders = 5
    expect(webhookFigures(fewer).ok).toBe(false)

    const malformed = input()
    malformed.received.malformed = 1
    expect(webhookFigures(malformed).ok).toBe(false)
  })

  it('is all zeros, and not OK, when nothing was recorded', () => {
    const figures = webhookFigures({
      events: [],
      deliveries: [],
      received: { eventIds: [], deliveryIds: [], at: [], malformed: 0 },
      orders: 0,
      answeredAt: new Map(),
    })
    expect(figures).toMatchObject({
      loadSeconds: 0,
      eventsPerSecond: 0,
      deliveriesPerSecond: 0,
      drainSeconds: 0,
      ok: false,
    })
  })
})

describe('webhooksSections', () => {
  const row = {
    engine: 'postgres 15.20',
    pollIntervalMs: 200,
    concurrency: 32,
    ...webhookFigures(input()),
  }
  const withWebhook = { ...load('postgres 15.20', 1_500, 40), scenario: 'orders/s, webhook on' }

  it('puts the rates beside plain orders of the same run, then the delays, then the check', () => {
    const sections = webhooksSections(
      report({ loads: [load('postgres 15.20', 2_000, 30), withWebhook], webhooks: [row] }),
    )
    expect(sections).toHaveLength(3)
    const [rates, delays, check] = sections.map((section) => section.split('\n'))
    expect(rates?.[0]).toMatch(
      /^Webhook deliveries during an orders load: .*every 200 ms .*32 posts/,
    )
    expect(rates?.[3]).toMatch(
      /^postgres 15\.20 +1500\.0 +2000\.0 +0\.75 +1\.3 +1\.0 +1\.1 +1 +0\.50 +2\.0$/,
    )
    expect(delays?.[3]).toMatch(/^postgres 15\.20 +4 +50 +500 +500 +4 +40 +490 +490$/)
    expect(check?.[3]).toMatch(/^postgres 15\.20 +4 +4 +4 +4 +0 +0 +0 +4 +0 +0 +0 +0 +OK$/)
  })

  it('shows - without plain orders, and nothing when the scenario did not run', () => {
    const [rates] = webhooksSections(report({ loads: [withWebhook], webhooks: [row] }))
    expect(rates?.split('\n')[3]).toMatch(/^postgres 15\.20 +1500\.0 +- +- +/)
    expect(webhooksSections(report({}))).toEqual([])
  })

  it('is part of the bench report', () => {
    const text = formatReport(report({ loads: [withWebhook], webhooks: [row] }), 32)
    expect(text).toContain('\nWebhook deliveries during an orders load')
    expect(text).toContain('\nWebhook delay per delivery')
    expect(text).toContain('\nWebhooks check')
  })
})
