/*
 * The public API of the releases module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export {
  type EarlyAccessRefusal,
  earlyAccessError,
  earlyAccessRefusal,
  opensAt,
  type Release,
  type ReleasesBySku,
  releaseAccess,
} from './releases.js'
export type { ReleasesService } from './releases.service.js'
