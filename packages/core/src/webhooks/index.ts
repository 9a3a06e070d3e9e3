/*
 * The public API of the webhooks module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type { WebhookSender, WebhookSenderOptions } from './webhook-sender.js'
export { deleteFinishedDeliveries } from './webhooks.repository.js'
export type { WebhooksService } from './webhooks.service.js'
