export { type Database, type Engine, openDatabase } from './database.js'
export { migrate } from './migrate.js'
export { preparedStatement } from './prepared.js'
export type * from './schema.js'
