#!/usr/bin/env node
// The API's types for the client (and the web app), generated from the server's OpenAPI document (the one
// `/openapi.json` serves, built from the routes' TypeBox schemas without a database):
//
//   node packages/client/scripts/api-types.js           writes src/schema.gen.ts
//   node packages/client/scripts/api-types.js --check   fails when src/schema.gen.ts is stale
//
// `npm test` runs the check before the type check: a server change is followed by
// `npm run api:generate`, and `tsc` then shows every caller (and page) the change breaks.
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { register } from 'tsx/esm/api'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const target = 'packages/client/src/schema.gen.ts'
const exporter = join(root, 'apps/server/src/openapi.export.ts')
const check = process.argv.includes('--check')

const HEADER = `/**
 * Generated from the server's OpenAPI document by packages/client/scripts/api-types.js:
 * do not edit. Regenerate with \`npm run api:generate\`; \`npm test\` fails when it is stale.
 */

`

async function generate() {
  register()
  const { buildOpenApiDocument } = await import(pathToFileURL(exporter).href)
  const document = await buildOpenApiDocument()
  const ast = await openapiTS(document, { silent: true })
  const source = HEADER + astToString(ast)
  // Formatted as the repository formats TypeScript, so that `biome check` passes as it is.
  return execFileSync(
    join(root, 'node_modules/.bin/biome'),
    ['format', '--stdin-file-path', target],
    {
      cwd: root,
      input: source,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
}

const generated = await generate()
const path = join(root, target)
if (check) {
  const committed = await readFile(path, 'utf8').catch(() => '')
  if (committed !== generated) {
    console.error(
      `${relative(process.cwd(), path)} does not match the server's OpenAPI document.\n` +
        'Run `npm run api:generate`, then `npm run typecheck` to see what the change breaks.',
    )
    process.exit(1)
  }
  console.log(`${target} matches the server's OpenAPI document.`)
} else {
  await writeFile(path, generated)
  console.log(`wrote ${target}`)
}
