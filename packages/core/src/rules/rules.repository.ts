import type { EarningRuleRow, EarningRulesTable } from '@loyalbase/db'
import type { Insertable } from 'kysely'
import type { Executor } from '../shared/executor.js'

export type NewEarningRuleRow = Insertable<EarningRulesTable>

export async function insertRule(db: Executor, row: NewEarningRuleRow): Promise<EarningRuleRow> {
  return db.insertInto('earning_rules').values(row).returningAll().executeTakeFirstOrThrow()
}

/** A rule that is not deleted. */
export async function findRule(
  db: Executor,
  programId: string,
  id: string,
): Promise<EarningRuleRow | undefined> {
  return db
    .selectFrom('earning_rules')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Locks a rule that is not deleted for the rest of the transaction. `NO KEY UPDATE`, not
 * `UPDATE`: usage rows reference the rule, and their inserts hold `KEY SHARE` on it, which a
 * `FOR UPDATE` would wait on (and deadlock with, between two payers of one rule).
 */
export async function lockRule(
  db: Executor,
  programId: string,
  id: string,
): Promise<EarningRuleRow | undefined> {
  return db
    .selectFrom('earning_rules')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst()
}

export interface RuleFilter {
  trigger?: string
  active?: boolean
  beforeId?: string
  limit: number
}

/** Rules not deleted, newest first. */
export async function listRules(
  db: Executor,
  programId: string,
  filter: RuleFilter,
): Promise<EarningRuleRow[]> {
  let query = db
    .selectFrom('earning_rules')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  if (filter.trigger !== undefined) query = query.where('trigger', '=', filter.trigger)
  if (filter.active !== undefined) query = query.where('active', '=', filter.active)
  return query.execute()
}

/** Active, not deleted rules for a trigger, in id order; their time windows are checked later. */
export async function listLiveRules(
  db: Executor,
  programId: string,
  trigger: string,
): Promise<EarningRuleRow[]> {
  return db
    .selectFrom('earning_rules')
    .selectAll()
    .where('program_id', '=', programId)
    .where('trigger', '=', trigger)
    .where('active', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
}

export async function updateRule(
  db: Executor,
  programId: string,
  id: string,
  changes: Partial<Omit<NewEarningRuleRow, 'program_id' | 'id' | 'created_at'>>,
): Promise<EarningRuleRow | undefined> {
  return db
    .updateTable('earning_rules')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

export async function softDeleteRule(
  db: Executor,
  programId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('earning_rules')
    .set({ deleted_at: at, updated_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** A member's usage of a rule in the given periods (absent periods are 0). */
export async function findUsage(
  db: Executor,
  programId: string,
  ruleId: string,
  memberId: string,
  periods: string[],
): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map()
  const rows = await db
    .selectFrom('earning_rule_usage')
    .select(['period', 'points'])
    .where('program_id', '=', programId)
    .where('rule_id', '=', ruleId)
    .where('member_id', '=', memberId)
    .where('period', 'in', periods)
    .execute()
  return new Map(rows.map((row) => [row.period, row.points]))
}

/**
 * Creates the usage rows that do not exist yet, then locks them all in period order: the
 * caller reads and moves them under the lock, so parallel orders cannot overshoot a cap.
 */
export async function lockUsage(
  db: Executor,
  programId: string,
  ruleId: string,
  memberId: string,
  periods: string[],
): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map()
  const sorted = [...periods].sort()
  await db
    .insertInto('earning_rule_usage')
    .values(
      sorted.map((period) => ({
        program_id: programId,
        rule_id: ruleId,
        member_id: memberId,
        period,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
  const rows = await db
    .selectFrom('earning_rule_usage')
    .select(['period', 'points'])
    .where('program_id', '=', programId)
    .where('rule_id', '=', ruleId)
    .where('member_id', '=', memberId)
    .where('period', 'in', sorted)
    .orderBy('period')
    .forUpdate()
    .execute()
  return new Map(rows.map((row) => [row.period, row.points]))
}

export async function addUsage(
  db: Executor,
  programId: string,
  ruleId: string,
  memberId: string,
  periods: string[],
  points: number,
): Promise<void> {
  if (periods.length === 0 || points === 0) return
  await db
    .updateTable('earning_rule_usage')
    .set((eb) => ({ points: eb('points', '+', points) }))
    .where('program_id', '=', programId)
    .where('rule_id', '=', ruleId)
    .where('member_id', '=', memberId)
    .where('period', 'in', periods)
    .execute()
}

/**
 * The rule's budget used, with the rule's row locked (deleted rules included: they may be
 * paying). `NO KEY UPDATE` for the reason given at `lockRule`.
 */
export async function lockBudget(
  db: Executor,
  programId: string,
  ruleId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('earning_rules')
    .select('budget_used')
    .where('program_id', '=', programId)
    .where('id', '=', ruleId)
    .forNoKeyUpdate()
    .executeTakeFirst()
  return row?.budget_used
}

export async function addBudgetUsed(
  db: Executor,
  programId: string,
  ruleId: string,
  points: number,
): Promise<void> {
  if (points === 0) return
  await db
    .updateTable('earning_rules')
    .set((eb) => ({ budget_used: eb('budget_used', '+', points) }))
    .where('program_id', '=', programId)
    .where('id', '=', ruleId)
    .execute()
}
