import { Readable, Writable } from 'node:stream'
import type { EngineRun } from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { TIERS_BENCH_LADDER } from './tier-data.loader.js'
import { DEFAULT_IMPORT_ORDERS, IMPORT_TARGETS, type TransferRow } from './transfer.figures.js'

/*
 * Import and export (docs/import-export.md) measured as `loyalbase import` / `export` run them:
 * in the server's process, through the same services, on generated CSV — members, then their
 * orders with a per-yuan rule and a four-tier ladder on; then the ledger those orders made,
 * exported to nowhere while the process's RSS is sampled (memory must stay flat).
 */

const ORDERS_PER_MEMBER = 4

function membersCsv(members: number): string {
  const lines = ['external_id,name,phone,email,birthday,joined_at']
  for (let m = 0; m < members; m++) lines.push(`bm-${m},,,,,2025-01-01`)
  return `${lines.join('\n')}\n`
}

/** Orders as a stream of CSV text: members in turn, amounts varied, dates over a year. */
function* ordersCsv(orders: number, members: number): Generator<string> {
  yield 'id,member,amount,occurred_at,channel,sku,category,quantity\n'
  let chunk = ''
  for (let i = 0; i < orders; i++) {
    const day = 1 + (i % 28)
    const month = 1 + (Math.floor(i / members) % 12)
    const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    chunk += `bo-${i},bm-${i % members},${1_000 + ((i * 7_919) % 90_000)},${date},web,sku-${i % 97},tea,1\n`
    if (chunk.length > 64 * 1024) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

export async function benchTransfer(run: EngineRun): Promise<TransferRow[]> {
  const { progress } = run.options
  const orders = run.options.importOrders ?? DEFAULT_IMPORT_ORDERS[run.engine]
  const members = Math.max(1, Math.ceil(orders / ORDERS_PER_MEMBER))
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench: import')
  await api.post('/v1/earning-rules', {
    name: 'Bench: a point a yuan',
    trigger: 'order.completed',
    reward: { type: 'per_amount', points: 1, per: 100 },
  })
  const ladder = await api.send('PUT', '/v1/tiers', TIERS_BENCH_LADDER)
  if (ladder.status !== 200) throw new Error(`PUT /v1/tiers answered ${ladder.status}`)
  const services = run.server.services
  const program = await services.programs.get(api.programId)
  const rows: TransferRow[] = []
  const rejected: string[] = []
  const onReject = (r: { line: number; error: string }) => {
    if (rejected.length < 5) rejected.push(`line ${r.line}: ${r.error}`)
  }

  const step = async (
    label: TransferRow['step'],
    total: number,
    unit: string,
    work: (update: (done: number) => void) => Promise<{ rows: number; exact: boolean }>,
    extra: Partial<TransferRow> = {},
  ) => {
    const tracker = progress.task(`${run.label}: ${label}`, total, unit)
    const started = performance.now()
    try {
      const done = await work((n) => tracker.update(n))
      const seconds = (performance.now() - started) / 1000
      rows.push({
        engine: run.label,
        step: label,
        rows: done.rows,
        seconds,
        rowsPerSecond: done.rows / seconds,
        target: label === 'import orders' ? IMPORT_TARGETS[run.engine] : null,
        exact: done.exact,
        ...extra,
      })
    } finally {
      tracker.done()
    }
  }

  await step('import members', members, 'members', async (update) => {
    const summary = await services.dataImport.run(
      program,
      'members',
      Readable.from([membersCsv(members)]),
      { onReject, onProgress: (p) => update(p.records) },
    )
    return { rows: summary.records, exact: summary.imported === members && summary.rejected === 0 }
  })
  const current = await services.programs.get(api.programId)
  await step('import orders', orders, 'orders', async (update) => {
    const summary = await services.dataImport.run(
      current,
      'orders',
      Readable.from(ordersCsv(orders, members)),
      { onReject, onProgress: (p) => update(p.records) },
    )
    return { rows: summary.records, exact: summary.imported === orders && summary.rejected === 0 }
  })

  // The ledger: an entry per order. RSS sampled every 50 ms while it streams to nowhere.
  const baseline = process.memoryUsage.rss()
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 50)
  try {
    let exported = 0
    await step(
      'export ledger',
      orders,
      'entries',
      async (update) => {
        let lines = -1 // the header
        const sink = new Writable({
          write(chunk: string | Buffer, _encoding, done) {
            for (const byte of Buffer.from(chunk)) if (byte === 10) lines++
            done()
          },
        })
        for await (const chunk of services.dataExport.csv(api.programId, 'ledger', (p) => {
          exported = p.done
          update(p.done)
        })) {
          if (!sink.write(chunk)) await new Promise((r) => sink.once('drain', r))
        }
        return { rows: lines, exact: lines === exported && lines >= orders }
      },
      {},
    )
  } finally {
    clearInterval(sampler)
  }
  const last = rows.at(-1)
  if (last) last.rssGrowthMb = (peak - baseline) / 1024 / 1024
  if (rejected.length > 0) run.report.notes.push(`import rejected: ${rejected.join('; ')}`)
  return rows
}
