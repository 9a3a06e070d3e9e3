import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { ExportKind } from './data-export.js'

/*
 * Pages of what is exported, by key order (keyset, not OFFSET): each page costs the same however
 * deep into the program it is, and memory holds one page.
 */

export function memberPage(db: Executor, programId: string, afterId: string, limit: number) {
  return db
    .selectFrom('members')
    .select([
      'id',
      'external_id',
      'name',
      'phone',
      'email',
      'birthday',
      'joined_at',
      'tier_key',
      'points_available',
      'points_pending',
      'growth',
      'lifetime_spend',
      'orders_count',
      'referral_code',
      'attributes',
    ])
    .where('program_id', '=', programId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

export function orderPage(db: Executor, programId: string, afterId: string, limit: number) {
  return db
    .selectFrom('orders as o')
    .innerJoin('members as m', (join) =>
      join.onRef('m.program_id', '=', 'o.program_id').onRef('m.id', '=', 'o.member_id'),
    )
    .select([
      'o.id',
      'm.external_id',
      'o.member_id',
      'o.amount',
      'o.occurred_at',
      'o.channel',
      'o.items',
      'o.shipping_fee',
      'o.points_earned',
      'o.points_redeemed',
      'o.refunded_amount',
      'o.points_reversed',
    ])
    .where('o.program_id', '=', programId)
    .where('o.id', '>', afterId)
    .orderBy('o.id')
    .limit(limit)
    .execute()
}

export function ledgerPage(
  db: Executor,
  programId: string,
  after: { memberId: string; id: string },
  limit: number,
) {
  return db
    .selectFrom('point_transactions as t')
    .innerJoin('members as m', (join) =>
      join.onRef('m.program_id', '=', 't.program_id').onRef('m.id', '=', 't.member_id'),
    )
    .select([
      't.id',
      'm.external_id',
      't.member_id',
      't.type',
      't.points',
      't.available_delta',
      't.pending_delta',
      't.balance_after',
      't.pending_after',
      't.source_kind',
      't.source_id',
      't.rule_id',
      't.expires_at',
      't.note',
      't.created_at',
    ])
    .where('t.program_id', '=', programId)
    .where(sql<boolean>`(t.member_id, t.id) > (${after.memberId}, ${after.id})`)
    .orderBy('t.member_id')
    .orderBy('t.id')
    .limit(limit)
    .execute()
}

/** How many rows an export of `kind` reads (members, orders, ledger entries): for progress. */
export async function countRows(db: Executor, programId: string, kind: ExportKind) {
  const table = kind === 'members' ? 'members' : kind === 'orders' ? 'orders' : 'point_transactions'
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirst()
  return row?.n ?? 0
}
