/*
 * The public API of the advisors module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { type AdvisorContact, pickAdvisor } from './advisors.js'
export { assignAdvisors } from './advisors.repository.js'
export type { AdvisorsService } from './advisors.service.js'
