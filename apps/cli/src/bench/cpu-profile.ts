import { readFile } from 'node:fs/promises'
import type { Profiler } from 'node:inspector'
import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'
import { type Column, formatTable } from '../text-table.js'

/**
 * V8 CPU profiles (`.cpuprofile`, the format of `node --cpu-prof`, Chrome DevTools and the
 * inspector's `Profiler.stop`): taking one of this process, and a short summary of any of
 * them — self time by function and by package. The bench profiles the server during the orders
 * load (`--profile <dir>`); `cpu-profile.main.ts` prints the summary of any profile file.
 */
export type CpuProfile = Profiler.Profile

export interface CpuProfiler {
  /** Stops sampling and returns the profile. */
  stop(): Promise<CpuProfile>
}

/**
 * Starts sampling this process's JavaScript (every `intervalUs` microseconds) through an
 * in-process inspector session; nothing listens on a port.
 */
export async function startCpuProfile(intervalUs = 1_000): Promise<CpuProfiler> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.post('Profiler.start')
  return {
    async stop() {
      try {
        const { profile } = await session.post('Profiler.stop')
        await session.post('Profiler.disable')
        return profile
      } finally {
        session.disconnect()
      }
    },
  }
}

export async function readCpuProfile(path: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(path, 'utf8')) as CpuProfile
}

/** V8's pseudo-frames: time not spent in any JavaScript function. */
const IDLE = '(idle)'
const GC = '(garbage collector)'

/** Where a frame's code comes from, for the self time by package. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === GC) return 'GC'
    // (idle), (program), (root): V8's own names.
    if (functionName.startsWith('(')) return functionName
    // Native functions without a script: writev, the crypto and zlib bindings, …
    return 'node internals'
  }
  if (url.startsWith('node:')) return 'node internals'
  // PGlite's PostgreSQL is WebAssembly; nothing else runs wasm on the server's path.
  if (url.startsWith('wasm://')) return '@electric-sql/pglite (wasm)'
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  const modules = path.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const [scope = '', name = ''] = path.slice(modules + '/node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(path)
  if (workspace) return `${workspace[1]}/${workspace[2]}`
  return 'other'
}

/** A frame's file, short: from the package (or workspace) on, with its line when it has one. */
function locationOf(callFrame: Profiler.ProfileNode['callFrame']): string {
  const { url, lineNumber } = callFrame
  if (url === '') return ''
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  const modules = path.lastIndexOf('/node_modules/')
  const workspace = path.search(/\/(packages|apps)\//)
  const short =
    modules >= 0
      ? path.slice(modules + '/node_modules/'.length)
      : workspace >= 0
        ? path.slice(workspace + 1)
        : path
  // Line 1 says nothing: tsx (which runs this repository's TypeScript) and bundlers put most
  // of a file's code on its first line.
  return lineNumber > 0 ? `${short}:${lineNumber + 1}` : short
}

/**
 * Self time of each node in microseconds: a sample's time runs until the next sample (the
 * last one's until the profile's end), as DevTools counts it. Profiles without samples fall
 * back on hit counts spread evenly.
 */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  if (samples.length > 0 && deltas.length === samples.length) {
    let at = profile.startTime
    for (let i = 0; i < samples.length; i++) {
      at += deltas[i] ?? 0
      const until = i + 1 < samples.length ? at + (deltas[i + 1] ?? 0) : profile.endTime
      const id = samples[i] as number
      times.set(id, (times.get(id) ?? 0) + Math.max(0, until - at))
    }
    return times
  }
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0)
  const each = hits === 0 ? 0 : (profile.endTime - profile.startTime) / hits
  for (const node of profile.nodes) times.set(node.id, (node.hitCount ?? 0) * each)
  return times
}

export interface FunctionTime {
  name: string
  /** File and line, from the package or workspace on; empty for native code. */
  location: string
  package: string
  selfMs: number
  /** Share of the busy time. */
  share: number
}

export interface PackageTime {
  package: string
  selfMs: number
  share: number
}

export interface CpuProfileSummary {
  /** From the profile's start to its end. */
  wallMs: number
  /** Time in which the thread waited for work (the event loop idle). */
  idleMs: number
  /** Everything else: the time the shares are of. */
  busyMs: number
  /** The `top` functions by self time. */
  functions: FunctionTime[]
  /** Every package, by self time (idle left out). */
  packages: PackageTime[]
}

/** Self time by function and by package; shares are of the busy (not idle) time. */
export function summariseCpuProfile(profile: CpuProfile, top = 15): CpuProfileSummary {
  const times = selfTimes(profile)
  const functions = new Map<string, FunctionTime>()
  const packages = new Map<string, PackageTime>()
  let idleUs = 0
  let totalUs = 0
  for (const node of profile.nodes) {
    const us = times.get(node.id) ?? 0
    totalUs += us
    const { callFrame } = node
    if (callFrame.functionName === IDLE && callFrame.url === '') {
      idleUs += us
      continue
    }
    if (us === 0) continue
    const name = callFrame.functionName || '(anonymous)'
    const pkg = packageOf(callFrame.url, callFrame.functionName)
    const key = `${name}\n${callFrame.url}\n${callFrame.lineNumber}\n${callFrame.columnNumber}`
    const fn = functions.get(key) ?? {
      name,
      location: locationOf(callFrame),
      package: pkg,
      selfMs: 0,
      share: 0,
    }
    fn.selfMs += us / 1_000
    functions.set(key, fn)
    const group = packages.get(pkg) ?? { package: pkg, selfMs: 0, share: 0 }
    group.selfMs += us / 1_000
    packages.set(pkg, group)
  }
  const busyMs = (totalUs - idleUs) / 1_000
  const ranked = <T extends { selfMs: number; share: number }>(rows: Iterable<T>) =>
    [...rows]
      .map((row) => ({ ...row, share: busyMs > 0 ? row.selfMs / busyMs : 0 }))
      .sort((a, b) => b.selfMs - a.selfMs)
  return {
    wallMs: (profile.endTime - profile.startTime) / 1_000,
    idleMs: idleUs / 1_000,
    busyMs,
    functions: ranked(functions.values()).slice(0, top),
    packages: ranked(packages.values()),
  }
}

const ms = (n: number) => n.toFixed(0)
const percent = (n: number) => `${(n * 100).toFixed(1)} %`

const PACKAGE_COLUMNS: Column<PackageTime>[] = [
  { header: 'package', value: (row) => row.package },
  { header: 'self ms', value: (row) => ms(row.selfMs), align: 'right' },
  { header: 'share', value: (row) => percent(row.share), align: 'right' },
]

const FUNCTION_COLUMNS: Column<FunctionTime>[] = [
  { header: 'function', value: (row) => row.name },
  { header: 'self ms', value: (row) => ms(row.selfMs), align: 'right' },
  { header: 'share', value: (row) => percent(row.share), align: 'right' },
  { header: 'package', value: (row) => row.package },
  { header: 'where', value: (row) => row.location },
]

/**
 * The summary as text: a line of totals, then two titled tables, each after a blank line: self
 * time by package (those under 0.5 % of the busy time folded into one line) and the top
 * functions.
 */
export function formatCpuProfileSummary(summary: CpuProfileSummary): string {
  const shown = summary.packages.filter((row) => row.share >= 0.005)
  const rest = summary.packages.slice(shown.length)
  const packages =
    rest.length === 0
      ? shown
      : [
          ...shown,
          {
            package: `${rest.length} more`,
            selfMs: rest.reduce((sum, row) => sum + row.selfMs, 0),
            share: rest.reduce((sum, row) => sum + row.share, 0),
          },
        ]
  const idleShare = summary.wallMs > 0 ? summary.idleMs / (summary.idleMs + summary.busyMs) : 0
  return (
    `${(summary.wallMs / 1_000).toFixed(1)} s profiled: ${(summary.busyMs / 1_000).toFixed(1)} s ` +
    `busy (JavaScript, native code, GC), idle ${percent(idleShare)} (the event loop waiting for ` +
    'the database or the network); shares are of the busy time\n\n' +
    `Self time by package\n${formatTable(PACKAGE_COLUMNS, packages)}\n` +
    `Top ${summary.functions.length} functions by self time\n` +
    formatTable(FUNCTION_COLUMNS, summary.functions)
  )
}
