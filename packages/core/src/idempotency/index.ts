/*
 * The public API of the idempotency module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { fingerprintOf, type IdempotencyClaim, type StoredResponse } from './idempotency.js'
export { deleteOlderThan } from './idempotency.repository.js'
export { runClaimed, runIdempotent } from './idempotency.service.js'
