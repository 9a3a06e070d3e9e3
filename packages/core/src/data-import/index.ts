/*
 * The public API of the data-import module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type { DataImportService } from './data-import.service.js'
