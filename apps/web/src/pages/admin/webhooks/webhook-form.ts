import {
  ALL_EVENTS,
  type Webhook,
  type WebhookEventType,
  type WebhookInput,
  type WebhookPatch,
} from '../../../api/webhooks'

/** What the webhook form holds. */
export interface WebhookFormValues {
  url: string
  events: WebhookEventType[]
  description?: string
  active: boolean
}

export function emptyWebhookForm(): WebhookFormValues {
  return { url: '', events: [], description: '', active: true }
}

export function webhookFormValues(webhook: Webhook): WebhookFormValues {
  return {
    url: webhook.url,
    events: webhook.events,
    description: webhook.description ?? '',
    active: webhook.active,
  }
}

/**
 * The events as picked: "all events" stands alone, so picking it drops the types chosen before,
 * and picking a type while "all events" is chosen drops "all events".
 */
export function pickEvents(
  previous: readonly WebhookEventType[],
  next: readonly WebhookEventType[],
): WebhookEventType[] {
  const added = next.filter((type) => !previous.includes(type))
  if (added.includes(ALL_EVENTS)) return [ALL_EVENTS]
  if (added.length > 0) return next.filter((type) => type !== ALL_EVENTS)
  return [...next]
}

/** The create body: the URL trimmed, an empty description left out. */
export function webhookInput(values: WebhookFormValues): WebhookInput {
  const description = values.description?.trim()
  return {
    url: values.url.trim(),
    events: values.events,
    ...(description ? { description } : {}),
    active: values.active,
  }
}

/** The patch: everything the form edits; an emptied description becomes null. */
export function webhookPatch(values: WebhookFormValues): WebhookPatch {
  return {
    url: values.url.trim(),
    events: values.events,
    description: values.description?.trim() || null,
    active: values.active,
  }
}

/** The form field a server problem's path names (`url`, `events[1]`, `events/1`). */
export function webhookFieldFor(path: string): string | undefined {
  const field = path.replace(/^\/?body\//, '').split(/[./[]/)[0] ?? ''
  return ['url', 'events', 'description', 'active'].includes(field) ? field : undefined
}
