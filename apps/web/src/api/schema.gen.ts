/**
 * The API's types, generated from the server's OpenAPI document into the client SDK
 * (packages/client/src/schema.gen.ts, `npm run api:generate`): one generated contract for the
 * SDK and the web app.
 */
export type { components, operations, paths, webhooks } from '@loyalbase/client/schema'
