import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const SERVER = join(import.meta.dirname, '../bin/loyalbase-server.js')
const ADMIN_KEY = 'lb_admin_durability_test_key'
const dataDir = mkdtempSync(join(tmpdir(), 'lb-durability-'))
const children: ChildProcess[] = []

/** Starts the real server process on an embedded database folder; resolves with its URL. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: `pglite:${dataDir}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOYALBASE_DEMO: 'off',
      LOYALBASE_ADMIN_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /API\s+(http:\/\/localhost:\d+)\/v1/.exec(output)
      if (match) resolve({ child, url: (match[1] as string).replace('localhost', '127.0.0.1') })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
}

async function api(url: string, method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('embedded database durability', () => {
  it('keeps every committed write through kill -9 of the server', async () => {
    const first = await startServer()
    const program = await api(first.url, 'POST', '/v1/programs', ADMIN_KEY, { name: 'Durable' })
    expect(program.status).toBe(201)
    const key = await api(
      first.url,
      'POST',
      `/v1/programs/${program.json.id}/api-keys`,
      ADMIN_KEY,
      {
        name: 'k',
        role: 'admin',
      },
    )
    const secret = key.json.key as string
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(first.url, 'POST', '/v1/members', secret, { external_id: `durable-${i}` }),
      ),
    )
    expect(created.every((r) => r.status === 201)).toBe(true)

    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))

    const second = await startServer()
    const list = await api(second.url, 'GET', '/v1/members?limit=100', secret)
    expect(list.status).toBe(200)
    const ids = (list.json.data as { external_id: string }[]).map((m) => m.external_id).sort()
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `durable-${i}`).sort())
    second.child.kill('SIGTERM')
    await new Promise((resolve) => second.child.once('exit', resolve))
  })
})
