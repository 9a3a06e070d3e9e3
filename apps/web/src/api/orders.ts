import { type ApiClient, unwrap } from './client'
import type { Schemas } from './schema'

/** An order as the merchant sent it, with what it earned and what refunds took back. */
export type Order = Schemas['Order']
export type OrderItem = Order['items'][number]
export type OrderRefund = Order['refunds'][number]

export function getOrder(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/orders/{id}', { params: { path: { id } }, signal }))
}
