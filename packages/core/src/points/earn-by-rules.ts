import type { MemberRow } from '@loyalbase/db'
import type { ProgramContext } from '../programs/index.js'
import {
  evaluateRules,
  limitedGrowth,
  type RuleContext,
  type RulesService,
} from '../rules/index.js'
import type { Executor } from '../shared/executor.js'
import { creditPoints, type Source } from './ledger.js'

export interface Payout {
  points: number
  growth: number
  rules: { rule: string; points: number; growth: number }[]
}

/**
 * Pays the rules an order or event matches, inside the caller's transaction (the member's row
 * locked): each rule's reward is cut to its limits and budget, then credited as a lot of its
 * own, pending until `availableAt`. Rules that pay nothing are left out of the payout.
 */
export async function payRules(
  trx: Executor,
  rules: RulesService,
  program: ProgramContext,
  member: MemberRow,
  trigger: string,
  context: RuleContext,
  occurredAt: Date,
  availableAt: Date,
  source: Source,
  now: Date,
): Promise<Payout> {
  const live = await rules.activeRulesFor(program, trigger, trx)
  const payout: Payout = { points: 0, growth: 0, rules: [] }
  for (const match of evaluateRules(live, context, trigger, occurredAt)) {
    const granted = await rules.reserveWithinLimits(
      trx,
      program,
      match.rule,
      member.id,
      match.points,
      occurredAt,
    )
    const growth = limitedGrowth(match, granted)
    if (granted === 0 && growth === 0) continue
    if (granted > 0) {
      await creditPoints(
        trx,
        program,
        member.id,
        {
          points: granted,
          type: 'earn',
          earnedAt: occurredAt,
          availableAt,
          source,
          ruleId: match.rule.id,
        },
        now,
      )
    }
    payout.points += granted
    payout.growth += growth
    payout.rules.push({ rule: match.rule.id, points: granted, growth })
  }
  return payout
}
