import type { KeyRole, PortalIdentity, ProgramContext } from '@loyalbase/core'

/** Who is calling, as the auth plugin found out. */
export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'platform' }
  | { kind: 'program'; keyId: string; role: KeyRole; program: ProgramContext }
  | ({ kind: 'portal' } & PortalIdentity)

/** What a route accepts: which kind of credential, and for program keys which roles. */
export type AuthRequirement =
  | { kind: 'public' }
  | { kind: 'platform' }
  | {
      kind: 'program'
      roles?: KeyRole[]
      /**
       * The route's own write checks that the key is live and the program unchanged (an
       * order's does), so a key this process has seen is taken without a query.
       */
      rechecked?: boolean
    }
  | { kind: 'portal' }

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement
  }
}
