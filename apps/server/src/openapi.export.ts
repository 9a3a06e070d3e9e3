import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Services } from '@loyalbase/core'
import { buildApp } from './app.js'

/**
 * Services that are never called: building the app only registers routes and their schemas,
 * so the document needs no database. A handler reaching for one would be a bug here.
 */
const noServices = new Proxy({} as Services, {
  get(_target, name) {
    throw new Error(`The OpenAPI export has no services (asked for ${String(name)}).`)
  },
})

/** The OpenAPI 3.1 document `/openapi.json` serves, built from the routes' schemas alone. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp(noServices, {
    rateLimit: 1,
    trustProxy: false,
    logLevel: 'silent',
    webDist: undefined,
  })
  try {
    await app.ready()
    return app.swagger() as unknown as Record<string, unknown>
  } finally {
    await app.close()
  }
}

/** The document as `/openapi.json` serves it, pretty-printed for diffs. */
export async function openApiJson(): Promise<string> {
  return `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`
}

// `node --import tsx apps/server/src/openapi.export.ts [file]`: writes the document to the file,
// or to stdout without one. The web app's typed client is generated from it (npm run api:generate).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const json = await openApiJson()
  const out = process.argv[2]
  if (out) await writeFile(out, json)
  else process.stdout.write(json)
}
