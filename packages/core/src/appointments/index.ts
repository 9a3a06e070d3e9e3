/*
 * The public API of the appointments module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { assertTierKeys, tierMayBook } from './appointments.js'
export type { AppointmentsService } from './appointments.service.js'
