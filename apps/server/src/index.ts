export { type AppConfig, buildApp, type RouteEntry } from './app.js'
export { type RunningServer, startServer } from './server.js'
