/*
 * The public API of the programs module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type { ExpiryPolicy } from './programs.js'
export { bumpRulesVersion, findProgram } from './programs.repository.js'
export { type ProgramContext, type ProgramsService, toProgramContext } from './programs.service.js'
