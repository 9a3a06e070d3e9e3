/*
 * The public API of the api-keys module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { ADMIN_KEY_PREFIX, PORTAL_TOKEN_PREFIX } from './api-keys.js'
export type { ApiKeysService } from './api-keys.service.js'
