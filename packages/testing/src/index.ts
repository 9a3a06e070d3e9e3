export * from './factories.js'
export * from './isolation.js'
export * from './test-app.js'
export * from './test-db.js'
