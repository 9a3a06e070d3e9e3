import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { stringify } from 'csv-stringify/sync'

/*
 * The CDNOW purchase history (fixtures/cdnow) as the CSV files `loyalbase import` reads: a
 * member per customer (`cdnow-<id>`, joined on the day of the first purchase) and an order per
 * purchase record (`cdnow-<customer>-<n>`, the dollars in cents, the CDs as the quantity of one
 * item). Days are dates: the import takes them at midnight in the program's time zone.
 */

export interface CdnowPurchase {
  customer: string
  date: string
  cds: number
  cents: number
}

/** The purchases of `CDNOW_master.txt` (a header) or `CDNOW_sample.txt` (master id first). */
export async function* readCdnow(path: string): AsyncGenerator<CdnowPurchase> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  for await (const line of lines) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 4 || !/^\d+$/.test(fields[0] ?? '')) continue
    // The sample carries the master's id first: five fields.
    const [customer, date, cds, dollars] = fields.length >= 5 ? fields.slice(1) : fields
    if (!customer || !date || !cds || !dollars) continue
    yield {
      customer: customer.replace(/^0+(?=\d)/, ''),
      date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      cds: Number(cds),
      cents: Math.round(Number(dollars) * 100),
    }
  }
}

/** Both import files' text, from the purchases in file order. */
export async function cdnowCsv(path: string): Promise<{ members: string; orders: string }> {
  const firstDay = new Map<string, string>()
  const orders: (string | number)[][] = [
    ['id', 'member', 'amount', 'occurred_at', 'channel', 'sku', 'category', 'quantity'],
  ]
  const seen = new Map<string, number>()
  for await (const p of readCdnow(path)) {
    if (!firstDay.has(p.customer)) firstDay.set(p.customer, p.date)
    const n = (seen.get(p.customer) ?? 0) + 1
    seen.set(p.customer, n)
    orders.push([
      `cdnow-${p.customer}-${n}`,
      `cdnow-${p.customer}`,
      p.cents,
      p.date,
      'web',
      'cd',
      'music',
      Math.max(p.cds, 1),
    ])
  }
  const members: string[][] = [['external_id', 'name', 'phone', 'email', 'birthday', 'joined_at']]
  for (const [customer, day] of firstDay) members.push([`cdnow-${customer}`, '', '', '', '', day])
  return { members: stringify(members), orders: stringify(orders) }
}
