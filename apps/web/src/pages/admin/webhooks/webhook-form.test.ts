import { describe, expect, it } from 'vitest'
import type { Webhook } from '../../../api/webhooks'
import {
  emptyWebhookForm,
  pickEvents,
  webhookFieldFor,
  webhookFormValues,
  webhookInput,
  webhookPatch,
} from './webhook-form'

const webhook: Webhook = {
  id: 'whk_01',
  url: 'https://shop.example.com/hooks',
  events: ['member.created', 'points.earned'],
  description: null,
  active: false,
  created_at: '2026-03-01T02:00:00.000Z',
  updated_at: '2026-03-01T02:00:00.000Z',
}

describe('the webhook form', () => {
  it('sends the URL trimmed and leaves an empty description out', () => {
    const values = {
      ...emptyWebhookForm(),
      url: ' https://shop.example.com/hooks ',
      events: ['member.created' as const],
      description: '  ',
    }
    expect(webhookInput(values)).toEqual({
      url: 'https://shop.example.com/hooks',
      events: ['member.created'],
      active: true,
    })
    expect(webhookInput({ ...values, description: ' CRM ' }).description).toBe('CRM')
  })

  it('edits a webhook as it is, and clears an emptied description', () => {
    const values = webhookFormValues(webhook)
    expect(values).toEqual({
      url: webhook.url,
      events: webhook.events,
      description: '',
      active: false,
    })
    expect(webhookPatch(values)).toEqual({
      url: webhook.url,
      events: webhook.events,
      description: null,
      active: false,
    })
  })

  it('keeps "all events" on its own', () => {
    expect(pickEvents(['member.created'], ['member.created', '*'])).toEqual(['*'])
    expect(pickEvents(['*'], ['*', 'tier.changed'])).toEqual(['tier.changed'])
    expect(pickEvents(['member.created'], ['member.created', 'tier.changed'])).toEqual([
      'member.created',
      'tier.changed',
    ])
    expect(pickEvents(['member.created', 'tier.changed'], ['tier.changed'])).toEqual([
      'tier.changed',
    ])
    expect(pickEvents(['*'], [])).toEqual([])
  })

  it('puts the server’s problems on their fields', () => {
    expect(webhookFieldFor('url')).toBe('url')
    expect(webhookFieldFor('events[2]')).toBe('events')
    expect(webhookFieldFor('events/0')).toBe('events')
    expect(webhookFieldFor('description')).toBe('description')
    expect(webhookFieldFor('body')).toBeUndefined()
    expect(webhookFieldFor('secret')).toBeUndefined()
  })
})
