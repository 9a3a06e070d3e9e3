/*
 * The public API of the domain-events module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { DOMAIN_EVENT_SCHEMAS, domainEvent, type NewDomainEvent } from './domain-events.js'
export { recordDomainEvents } from './domain-events.repository.js'
