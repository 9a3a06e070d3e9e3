/*
 * The public API of the events module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { REFERRAL_CONVERTED } from './events.js'
export { type EventsService, emitEvent } from './events.service.js'
