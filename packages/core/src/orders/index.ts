/*
 * The public API of the orders module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type { NewOrderInput, OrderItem } from './orders.js'
export type { OrdersService } from './orders.service.js'
