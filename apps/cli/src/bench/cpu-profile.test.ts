import { describe, expect, it } from 'vitest'
import {
  type CpuProfile,
  formatCpuProfileSummary,
  packageOf,
  startCpuProfile,
  summariseCpuProfile,
} from './cpu-profile.js'

describe('packageOf', () => {
  it.each([
    ['file:///app/node_modules/fastify/lib/route.js', 'handler', 'fastify'],
    ['file:///app/node_modules/@fastify/ajv-compiler/index.js', 'f', '@fastify/ajv-compiler'],
    ['file:///app/node_modules/a/node_modules/pg-protocol/dist/parser.js', 'parse', 'pg-protocol'],
    ['file:///work/main/packages/core/src/orders/orders.service.ts', 'create', 'packages/core'],
    ['file:///work/main/apps/server/src/routes/orders.ts', 'route', 'apps/server'],
    ['node:internal/stream_base_commons', 'writeGeneric', 'node internals'],
    ['', 'writev', 'node internals'],
    ['', '(garbage collector)', 'GC'],
    ['', '(program)', '(program)'],
    ['wasm://wasm/022a9842', 'wasm-function[12]', '@electric-sql/pglite (wasm)'],
    ['file:///elsewhere/script.js', 'x', 'other'],
  ])('%s (%s) belongs to %s', (url, name, expected) => {
    expect(packageOf(url, name)).toBe(expected)
  })
})

const frame = (functionName: string, url = '', lineNumber = -1) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: -1,
  scriptId: '0',
})

/** root → handler (fastify) → writev; root → (idle); root → (garbage collector). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
    {
      id: 2,
      callFrame: frame('handler', 'file:///app/node_modules/fastify/lib/route.js', 41),
      children: [3],
    },
    { id: 3, callFrame: frame('writev') },
    { id: 4, callFrame: frame('(idle)') },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  startTime: 0,
  endTime: 10_000,
  // A sample's time lasts until the next one; the last one's until the end.
  samples: [2, 3, 3, 4, 5],
  timeDeltas: [0, 1_000, 3_000, 2_000, 3_000],
}

describe('summariseCpuProfile', () => {
  it('counts self time per function and per package, as shares of the busy time', () => {
    const summary = summariseCpuProfile(profile)
    expect(summary).toMatchObject({ wallMs: 10, idleMs: 3, busyMs: 7 })
    expect(summary.functions).toEqual([
      { name: 'writev', location: '', package: 'node internals', selfMs: 5, share: 5 / 7 },
      {
        name: 'handler',
        location: 'fastify/lib/route.js:42',
        package: 'fastify',
        selfMs: 1,
        share: 1 / 7,
      },
      { name: '(garbage collector)', location: '', package: 'GC', selfMs: 1, share: 1 / 7 },
    ])
    expect(summary.packages.map((row) => [row.package, row.selfMs])).toEqual([
      ['node internals', 5],
      ['fastify', 1],
      ['GC', 1],
    ])
    expect(summariseCpuProfile(profile, 1).functions).toHaveLength(1)
  })

  it('falls back on hit counts without samples', () => {
    const { samples: _, timeDeltas: __, ...rest } = profile
    const counted = {
      ...rest,
      nodes: rest.nodes.map((node) => ({ ...node, hitCount: node.id === 3 ? 3 : 1 })),
    }
    const summary = summariseCpuProfile(counted)
    // 7 hits over 10 ms; (root) is not idle, so it counts as busy.
    expect(summary.functions[0]).toMatchObject({ name: 'writev' })
    expect(summary.functions[0]?.selfMs).toBeCloseTo(30 / 7)
  })

  it('prints totals, packages and functions', () => {
    const text = formatCpuProfileSummary(summariseCpuProfile(profile))
    expect(text.split('\n')[0]).toBe(
      '0.0 s profiled: 0.0 s busy (JavaScript, native code, GC), idle 30.0 % (the event loop waiting for the database or the network); shares are of the busy time',
    )
    expect(text).toMatch(/^node internals +5 +71\.4 %$/m)
    expect(text).toMatch(/^handler +1 +14\.3 % +fastify +fastify\/lib\/route\.js:42$/m)
  })
})

describe('startCpuProfile', () => {
  it('profiles this process until stopped', async () => {
    const profiler = await startCpuProfile(100)
    const until = Date.now() + 50
    let spin = 0
    while (Date.now() < until) spin++
    const taken = await profiler.stop()
    expect(spin).toBeGreaterThan(0)
    expect(taken.nodes.length).toBeGreaterThan(1)
    expect(summariseCpuProfile(taken).busyMs).toBeGreaterThan(0)
  })
})
