import type { components, paths } from './schema.gen'

/**
 * Names for the parts of the generated contract (`schema.gen.ts`, from the server's OpenAPI
 * document): the API's types are written once, on the server, and looked up here.
 */
export type { components, paths }

/** The document's named schemas: `Schemas['Member']`, `Schemas['Problem']`, … */
export type Schemas = components['schemas']

export type ApiPath = keyof paths
export type ApiMethod = 'get' | 'put' | 'post' | 'patch' | 'delete'

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>

/** The JSON body of an operation's answer (200 unless told): `ApiResponse<'/v1/tiers', 'get'>`. */
export type ApiResponse<P extends ApiPath, M extends ApiMethod, S extends number = 200> =
  Operation<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { 'application/json': infer T } }
        ? T
        : never
      : never
    : never

/** The JSON request body of an operation. */
export type ApiBody<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never

/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

/** One page of a list: `{ data, next_cursor }`. */
export interface Page<T> {
  data: T[]
  next_cursor: string | null
}
