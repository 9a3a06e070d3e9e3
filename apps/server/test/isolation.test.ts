import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  expectForeignKeySeesNothing,
  type TestApp,
} from './support/index.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

// Every route that names a resource must appear here: the check fails on any route it cannot
// call, so a new route cannot skip the isolation proof.
describe('program isolation', () => {
  it('answers 404 to another program’s key on every route that names a resource', async () => {
    const owner = await createProgram(t, { name: 'Owner' })
    const intruder = await createProgram(t, { name: 'Intruder' })
    const member = await createMember(t, owner.keys.admin)
    const keys = (await t.call('GET', '/v1/api-keys', { key: owner.keys.admin })).json().data
    await t.services.jobs.runNow(owner.id, 'housekeeping')
    const runs = await t.call('GET', '/v1/jobs/runs', { key: owner.keys.admin })
    const runId = runs.json().data[0].id
    const orderId = 'owner-order'
    const eventId = 'owner-event'
    const template = await t.call('POST', '/v1/coupon-templates', {
      key: owner.keys.admin,
      body: { name: 'Owner coupon', discount: { type: 'free_shipping' }, validity: { days: 7 } },
    })
    const templateId = template.json().id
    const segment = await t.call('POST', '/v1/segments', {
      key: owner.keys.admin,
      body: { name: 'Owner segment', condition: { '>=': [{ var: 'points' }, 0] } },
    })
    const segmentId = segment.json().id
    const campaign = await t.call('POST', '/v1/campaigns', {
      key: owner.keys.admin,
      body: {
        name: 'Owner campaign',
        trigger: { type: 'member_joined' },
        reward: { type: 'points', points: 1 },
      },
    })
    const campaignId = campaign.json().id
    const benefit = await t.call('POST', '/v1/benefits', {
      key: owner.keys.admin,
      body: { key: 'owner-benefit', name: 'Owner benefit', type: 'custom', tiers: ['member'] },
    })
    expect(benefit.statusCode, benefit.body).toBe(201)
    const slot = await t.call('POST', '/v1/appointment-slots', {
      key: owner.keys.admin,
      body: {
        service: 'fitting',
        starts_at: '2099-01-01T10:00:00Z',
        ends_at: '2099-01-01T11:00:00Z',
        capacity: 2,
      },
    })
    const slotId = slot.json().id
    const appointment = await t.call('POST', `/v1/members/${member.id}/appointments`, {
      key: owner.keys.admin,
      body: { slot: slotId },
    })
    const exclusiveEvent = await t.call('POST', '/v1/exclusive-events', {
      key: owner.keys.admin,
      body: {
        title: 'Owner gala',
        starts_at: '2099-01-01T10:00:00Z',
        capacity: 2,
        tiers: ['member'],
      },
    })
    const exclusiveEventId = exclusiveEvent.json().id
    const release = await t.call('POST', '/v1/releases', {
      key: owner.keys.admin,
      body: {
        sku: 'owner-sku',
        name: 'Owner release',
        public_at: '2030-01-01T00:00:00Z',
        early_access: [],
      },
    })
    const advisor = await t.call('POST', '/v1/advisors', {
      key: owner.keys.admin,
      body: { name: 'Owner advisor', contact: 'owner@example.com', capacity: 1 },
    })
    const reward = await t.call('POST', '/v1/rewards', {
      key: owner.keys.admin,
      body: { name: 'Owner reward', type: 'product', points_cost: 1 },
    })
    const rewardId = reward.json().id
    await t.call('POST', `/v1/members/${member.id}/points/adjustments`, {
      key: owner.keys.admin,
      body: { points: 1, reason: 'owner' },
    })
    const redemption = await t.call('POST', `/v1/members/${member.id}/reward-redemptions`, {
      key: owner.keys.admin,
      body: { reward: rewardId },
    })
    const redemptionId = redemption.json().id
    const webhook = await t.call('POST', '/v1/webhooks', {
      key: owner.keys.admin,
      body: { url: 'http://127.0.0.1:9/owner', events: ['*'] },
    })
    const webhookId = webhook.json().id
    await t.call('POST', `/v1/members/${member.id}/points/adjustments`, {
      key: owner.keys.admin,
      body: { points: 1, reason: 'hooked' },
    })
    const deliveries = await t.call('GET', `/v1/webhooks/${webhookId}/deliveries`, {
      key: owner.keys.admin,
    })
    const upload = await t.app.inject({
      method: 'POST',
      url: '/v1/imports?kind=orders',
      headers: { authorization: `Bearer ${owner.keys.admin}`, 'content-type': 'text/csv' },
      // An order of nobody: rejected, so the owner's data stays as the checks below expect.
      payload: 'id,member,amount,occurred_at,channel,sku,category,quantity\nx,nobody,1,,,,,\n',
    })
    await t.services.imports.settle()
    await t.call('POST', '/v1/orders', {
      key: owner.keys.admin,
      body: { id: orderId, member: member.id, amount: 100 },
    })
    await t.call('POST', '/v1/events', {
      key: owner.keys.admin,
      body: { id: eventId, type: 'review.posted', member: member.id },
    })
    const checked = await expectForeignKeySeesNothing(
      t,
      intruder.keys.admin,
      {
        member: member.id,
        key_id: keys[0].id,
        key: 'owner-benefit',
        '/v1/orders': { id: orderId },
        '/v1/job-runs': { id: runId },
        '/v1/events': { id: eventId },
        '/v1/coupon-templates': { id: templateId },
        '/v1/segments': { id: segmentId },
        '/v1/campaigns': { id: campaignId },
        '/v1/appointment-slots': { id: slotId },
        '/v1/members/:member/appointments': { id: appointment.json().id },
        '/v1/exclusive-events': { id: exclusiveEventId },
        '/v1/members/:member/exclusive-events': { id: exclusiveEventId },
        '/v1/releases': { id: release.json().id },
        '/v1/advisors': { id: advisor.json().id },
        sku: 'owner-sku',
        '/v1/rewards': { id: rewardId },
        '/v1/reward-redemptions': { id: redemptionId },
        '/v1/webhooks': { id: webhookId, delivery: deliveries.json().data[0].id },
        '/v1/imports': { id: upload.json().id },
        '/v1/earning-rules': {
          id: (
            await t.call('POST', '/v1/earning-rules', {
              key: owner.keys.admin,
              body: {
                name: 'Owner rule',
                trigger: 'order.completed',
                reward: { type: 'fixed', points: 1 },
              },
            })
          ).json().id,
        },
      },
      {
        'PATCH /v1/members/:member': { name: 'intruder' },
        'POST /v1/members/:member/portal-sessions': {},
        'POST /v1/members/:member/points/adjustments': { points: 5, reason: 'intruder' },
        'POST /v1/members/:member/points/redemptions': { points: 1 },
        'POST /v1/orders/:id/refunds': { id: 'intruder-refund', amount: 1 },
        'PUT /v1/members/:member/tier': { tier: 'member', reason: 'intruder' },
        'PATCH /v1/earning-rules/:id': { name: 'intruder', active: false },
        'PATCH /v1/coupon-templates/:id': { name: 'intruder', active: false },
        'POST /v1/coupon-templates/:id/codes': { count: 1 },
        'POST /v1/members/:member/coupons': { template: templateId },
        'PATCH /v1/segments/:id': { name: 'intruder', condition: { '==': [{ var: 'tier' }, 'x'] } },
        'PATCH /v1/campaigns/:id': { name: 'intruder', active: false },
        'PATCH /v1/benefits/:key': { name: 'intruder' },
        'POST /v1/members/:member/benefits/:key/uses': { reference: 'intruder' },
        'PATCH /v1/appointment-slots/:id': { capacity: 9 },
        'POST /v1/members/:member/appointments': { slot: slotId },
        'POST /v1/members/:member/exclusive-events/:id/rsvp': { attending: true },
        'PATCH /v1/releases/:id': { name: 'intruder' },
        'PATCH /v1/advisors/:id': { name: 'intruder', capacity: 0 },
        'PATCH /v1/rewards/:id': { name: 'intruder', active: false },
        'POST /v1/members/:member/reward-redemptions': { reward: rewardId },
        'POST /v1/reward-redemptions/:id/fulfill': {},
        'POST /v1/reward-redemptions/:id/cancel': {},
        'PATCH /v1/webhooks/:id': { active: false },
        'POST /v1/webhooks/:id/secret': {},
        'POST /v1/webhooks/:id/deliveries/:delivery/redeliver': {},
      },
      ['name'],
    )
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /v1/members/:member',
        'PATCH /v1/members/:member',
        'POST /v1/members/:member/portal-sessions',
        'DELETE /v1/api-keys/:key_id',
        'GET /v1/orders/:id',
        'POST /v1/orders/:id/refunds',
        'GET /v1/events/:id',
        'GET /v1/earning-rules/:id',
        'GET /v1/coupon-templates/:id',
        'PATCH /v1/coupon-templates/:id',
        'POST /v1/coupon-templates/:id/codes',
        'GET /v1/coupon-templates/:id/codes',
        'POST /v1/members/:member/coupons',
        'GET /v1/members/:member/coupons',
        'GET /v1/segments/:id',
        'PATCH /v1/segments/:id',
        'DELETE /v1/segments/:id',
        'GET /v1/segments/:id/members',
        'GET /v1/campaigns/:id',
        'PATCH /v1/campaigns/:id',
        'GET /v1/campaigns/:id/report',
        'GET /v1/appointment-slots/:id',
        'PATCH /v1/appointment-slots/:id',
        'DELETE /v1/appointment-slots/:id',
        'GET /v1/appointment-slots/:id/bookings',
        'POST /v1/members/:member/appointments',
        'GET /v1/members/:member/appointments',
        'DELETE /v1/members/:member/appointments/:id',
        'GET /v1/exclusive-events/:id',
        'GET /v1/exclusive-events/:id/invitations',
        'POST /v1/members/:member/exclusive-events/:id/rsvp',
        'GET /v1/members/:member/exclusive-events',
        'GET /v1/releases/:id',
        'PATCH /v1/releases/:id',
        'DELETE /v1/releases/:id',
        'GET /v1/members/:member/releases/:sku',
        'GET /v1/advisors/:id',
        'GET /v1/advisors/:id/members',
        'PATCH /v1/advisors/:id',
        'DELETE /v1/advisors/:id',
        'GET /v1/members/:member/advisor',
        'GET /v1/rewards/:id',
        'PATCH /v1/rewards/:id',
        'POST /v1/members/:member/reward-redemptions',
        'GET /v1/members/:member/reward-redemptions',
        'GET /v1/reward-redemptions/:id',
        'POST /v1/reward-redemptions/:id/fulfill',
        'POST /v1/reward-redemptions/:id/cancel',
      ]),
    )
    // The owner's data is untouched and its key still works.
    const after = await t.call('GET', `/v1/members/${member.id}`, { key: owner.keys.admin })
    expect(after.json().name).toBeNull()
    expect((await t.call('GET', '/v1/program', { key: owner.keys.readonly })).statusCode).toBe(200)
    const ownTemplate = await t.call('GET', `/v1/coupon-templates/${templateId}`, {
      key: owner.keys.readonly,
    })
    expect(ownTemplate.json()).toMatchObject({ name: 'Owner coupon', active: true, issued: 0 })
    const ownSegment = await t.call('GET', `/v1/segments/${segmentId}`, {
      key: owner.keys.readonly,
    })
    expect(ownSegment.json()).toMatchObject({ name: 'Owner segment', count: 1 })
    const ownCampaign = await t.call('GET', `/v1/campaigns/${campaignId}`, {
      key: owner.keys.readonly,
    })
    expect(ownCampaign.json()).toMatchObject({ name: 'Owner campaign', active: true })
    const ownSlot = await t.call('GET', `/v1/appointment-slots/${slotId}`, {
      key: owner.keys.readonly,
    })
    expect(ownSlot.json()).toMatchObject({ capacity: 2, booked: 1 })
    const ownEvent = await t.call('GET', `/v1/exclusive-events/${exclusiveEventId}`, {
      key: owner.keys.readonly,
    })
    expect(ownEvent.json()).toMatchObject({ invited: 1, attending: 0 })
    const ownRedemption = await t.call('GET', `/v1/reward-redemptions/${redemptionId}`, {
      key: owner.keys.readonly,
    })
    expect(ownRedemption.json()).toMatchObject({ status: 'pending', points_spent: 1 })
  })

  it('keeps external ids apart: the same external_id in two programs is two members', async () => {
    const a = await createProgram(t, { name: 'A' })
    const b = await createProgram(t, { name: 'B' })
    const inA = await createMember(t, a.keys.admin, { external_id: 'same', name: 'in A' })
    const inB = await createMember(t, b.keys.admin, { external_id: 'same', name: 'in B' })
    expect(inA.id).not.toBe(inB.id)
    expect((await t.call('GET', '/v1/members/same', { key: a.keys.admin })).json().name).toBe(
      'in A',
    )
    expect((await t.call('GET', '/v1/members/same', { key: b.keys.admin })).json().name).toBe(
      'in B',
    )
    expect((await t.call('GET', `/v1/members/${inA.id}`, { key: b.keys.admin })).statusCode).toBe(
      404,
    )
  })
})
