/*
 * The public API of the exclusive-events module: what other modules of the core may import from
 * it. Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { attendingDelta } from './exclusive-events.js'
export type { ExclusiveEventsService } from './exclusive-events.service.js'
