import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './support/index.js'

// api.md "Conventions": OpenAPI 3.1 at /openapi.json that passes `redocly lint` (recommended
// rules) with no errors, keeps the contract's path templates and declares every schema.

interface Operation {
  operationId?: string
  summary?: string
  security?: unknown[]
  parameters?: { in: string; name: string; required?: boolean }[]
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>
}
interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  servers?: { url: string }[]
  security?: unknown[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, { required?: string[]; properties?: object }> }
}

let t: TestApp
let raw: string
let doc: OpenApiDocument

beforeAll(async () => {
  t = await createTestApp()
  const res = await t.call('GET', '/openapi.json')
  expect(res.statusCode).toBe(200)
  raw = res.body
  doc = JSON.parse(raw)
})
afterAll(() => t.close())

const METHODS = ['get', 'put', 'post', 'patch', 'delete']

function operations(): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]): [string, string, Operation] => [method.toUpperCase(), path, op]),
  )
}

function format(problems: NormalizedProblem[]): string {
  return problems
    .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
    .join('\n')
}

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 and served without a key', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('Loyalbase API')
    expect(doc.security).toEqual([{ bearerAuth: [] }])
  })

  it('keeps the contract’s path templates', () => {
    const paths = Object.keys(doc.paths)
    for (const path of [
      '/v1/programs',
      '/v1/programs/{id}/api-keys',
      '/v1/programs/{id}/api-keys/{key_id}',
      '/v1/api-keys',
      '/v1/program',
      '/v1/members',
      '/v1/members/{member}',
    ]) {
      expect(paths).toContain(path)
    }
    for (const path of paths) expect(path).not.toMatch(/:|\/$/)
    // Hidden plumbing stays out of the document.
    for (const path of ['/openapi.json', '/metrics', '/docs']) expect(paths).not.toContain(path)
  })

  it('gives every operation a unique operationId, a summary, a 2xx and 4xx answers', () => {
    const ids = new Set<string>()
    const missing: string[] = []
    for (const [method, path, op] of operations()) {
      const name = `${method} ${path}`
      const statuses = Object.keys(op.responses)
      if (!op.operationId || ids.has(op.operationId)) missing.push(`${name}: operationId`)
      ids.add(op.operationId ?? '')
      if (!op.summary) missing.push(`${name}: summary`)
      if (!statuses.some((s) => /^2\d\d$/.test(s))) missing.push(`${name}: 2xx`)
      if (!statuses.some((s) => /^4\d\d$/.test(s))) missing.push(`${name}: 4xx`)
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.description || response.description === 'Default Response') {
          missing.push(`${name}: description of ${status}`)
        }
      }
    }
    expect(missing).toEqual([])
    expect(ids.size).toBeGreaterThanOrEqual(20)
  })

  it('declares path parameters and the auth each operation needs', () => {
    for (const [method, path, op] of operations()) {
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path')
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated.sort())
      for (const p of declared) expect(p.required).toBe(true)
      const isPublic = Array.isArray(op.security) && op.security.length === 0
      if (!isPublic) expect(Object.keys(op.responses), `${method} ${path}`).toContain('401')
    }
    const health = doc.paths['/healthz']?.get
    expect(health?.security).toEqual([])
  })

  it('describes errors as application/problem+json with the Problem schema', () => {
    for (const [method, path, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue
        expect(response.content, `${method} ${path} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        })
      }
      if (op.requestBody) {
        // JSON everywhere, but for the one file upload (a CSV import).
        expect(Object.keys(op.requestBody.content)).toEqual(
          op.operationId === 'startImport' ? ['text/csv'] : ['application/json'],
        )
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['400', '413', '415']),
        )
      }
    }
    expect(doc.components.schemas.Problem?.required?.sort()).toEqual(
      ['code', 'detail', 'status', 'title', 'type'].sort(),
    )
  })

  it('marks the required fields of the contract’s objects', () => {
    const { schemas } = doc.components
    expect(schemas.Program?.required?.sort()).toEqual(
      [
        'created_at',
        'currency',
        'id',
        'locale',
        'name',
        'points_policy',
        'timezone',
        'webhook_private_targets',
      ].sort(),
    )
    expect(schemas.PointsPolicy?.required?.sort()).toEqual(
      ['allow_negative', 'expiry', 'max_redeem_percent', 'pending_days', 'redeem_rate'].sort(),
    )
    expect(schemas.ApiKey?.required?.sort()).toEqual(
      ['created_at', 'id', 'last_used_at', 'name', 'prefix', 'role'].sort(),
    )
    expect(schemas.Member?.required).toEqual(
      expect.arrayContaining(['id', 'external_id', 'tier', 'points', 'referral_code']),
    )
    // Every $ref points at a declared component.
    for (const [, name] of raw.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(Object.keys(schemas)).toContain(name)
    }
    expect(raw).not.toMatch(/"\$ref":"(?!#\/components\/schemas\/)/)
  })

  it('passes redocly lint (recommended) without errors', async () => {
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({
      source: raw,
      absoluteRef: 'openapi.json',
      config,
    })
    const errors = problems.filter((p) => p.severity === 'error')
    expect(format(errors), 'redocly errors').toBe('')
    // Warnings are not failures, but the document is kept free of them too.
    expect(format(problems), 'redocly warnings').toBe('')
  })
})
