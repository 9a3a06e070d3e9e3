/*
 * @loyalbase/client: the Loyalbase HTTP API for a merchant's TypeScript code — every endpoint
 * typed from the OpenAPI document, errors as typed problems, `Idempotency-Key` handled on
 * retries, and the webhook signature check. README.md has a checkout example.
 */
export {
  createLoyalbaseClient,
  type LoyalbaseClient,
  type LoyalbaseClientOptions,
  unwrap,
} from './client.js'
export {
  ApiError,
  type ClientErrorCode,
  type Problem,
  type ProblemFieldError,
} from './errors.js'
export { toSearch } from './query.js'
export type { components, operations, paths, webhooks } from './schema.gen.js'
export {
  constructWebhookEvent,
  type VerifyOptions,
  verifyWebhookSignature,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  WebhookSignatureError,
} from './webhooks.js'
