import type { TestApp } from './test-app.js'

export interface TestProgram {
  id: string
  keys: { admin: string; server: string; readonly: string }
}

function expectStatus(
  response: { statusCode: number; body: string },
  status: number,
  what: string,
) {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode}: ${response.body}`)
  }
}

/** A program with one key of each role, made through the platform API. */
export async function createProgram(
  t: TestApp,
  body: Record<string, unknown> = { name: 'Test program' },
): Promise<TestProgram> {
  const created = await t.call('POST', '/v1/programs', { key: t.adminKey, body })
  expectStatus(created, 201, 'create program')
  const id = created.json<{ id: string }>().id
  const keys = {} as TestProgram['keys']
  for (const role of ['admin', 'server', 'readonly'] as const) {
    const key = await t.call('POST', `/v1/programs/${id}/api-keys`, {
      key: t.adminKey,
      body: { name: `${role} key`, role },
    })
    expectStatus(key, 201, `create ${role} key`)
    keys[role] = key.json<{ key: string }>().key
  }
  return { id, keys }
}

let counter = 0

export async function createMember(
  t: TestApp,
  key: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; external_id: string; referral_code: string } & Record<string, unknown>> {
  counter++
  const response = await t.call('POST', '/v1/members', {
    key,
    body: { external_id: `ext-${process.pid}-${counter}`, ...body },
  })
  expectStatus(response, 201, 'create member')
  return response.json()
}
