import { describe, expect, it } from 'vitest'
import {
  compareLot,
  compareMember,
  compareTransaction,
  consumptionRule,
  formatDifference,
  formatSummary,
  type LotRecomputed,
  type MemberTotals,
  type TransactionRecomputed,
} from './ledger-check.js'

const counters = { earned: 500, redeemed: 100, expired: 50, reversed: 80, adjusted: -20 }

function member(fields: Partial<MemberTotals> = {}): MemberTotals {
  return {
    member_id: 'mem_1',
    stored: { available: 250, pending: 0, ...counters },
    ledger: { available: 250, pending: 0, ...counters },
    lots: { available: 250, pending: 0 },
    debt: 0,
    ...fields,
  }
}

describe('compareMember', () => {
  it('finds nothing when the stored figures are the ledger sums', () => {
    expect(compareMember('prog_1', member())).toEqual([])
  })

  it('names a stored balance or counter that drifted from the ledger', () => {
    const drifted = member({ stored: { available: 257, pending: 0, ...counters, expired: 49 } })
    expect(compareMember('prog_1', drifted)).toEqual([
      { program_id: 'prog_1', member_id: 'mem_1', what: 'available', expected: 250, actual: 257 },
      {
        program_id: 'prog_1',
        member_id: 'mem_1',
        what: 'lifetime.expired',
        expected: 50,
        actual: 49,
      },
    ])
  })

  it('accepts a debt when no available points are left beside it', () => {
    const owing = member({
      stored: { available: -30, pending: 40, ...counters },
      ledger: { available: -30, pending: 40, ...counters },
      lots: { available: 0, pending: 40 },
      debt: 30,
    })
    expect(compareMember('prog_1', owing)).toEqual([])
  })

  it('reports available lots beside a debt, and a debt the balance does not show', () => {
    const unpaid = member({
      stored: { available: 20, pending: 0, ...counters },
      ledger: { available: 20, pending: 0, ...counters },
      lots: { available: 50, pending: 0 },
      debt: 30,
    })
    expect(compareMember('prog_1', unpaid).map((d) => [d.what, d.expected, d.actual])).toEqual([
      ['available lots', 20, 50],
      ['debt', 0, 30],
    ])
  })
})

function lot(fields: Partial<LotRecomputed> = {}): LotRecomputed {
  return {
    member_id: 'mem_1',
    lot_id: 'lot_1',
    earned: 100,
    remaining: 40,
    status: 'available',
    ledger_earned: 100,
    ledger_remaining: 40,
    ledger_status: 'available',
    consumed_while_pending: 0,
    consumed_by_no_transaction: 0,
    ...fields,
  }
}

describe('compareLot', () => {
  it('names each figure of a lot that its entries do not explain', () => {
    const broken = lot({
      remaining: 47,
      status: 'pending',
      consumed_while_pending: 10,
      consumed_by_no_transaction: 5,
    })
    expect(compareLot('prog_1', broken).map((d) => [d.what, d.expected, d.actual])).toEqual([
      ['remaining', 40, 47],
      ['status', 'available', 'pending'],
      ['consumed while pending', 0, 10],
      ['consumed by no transaction', 0, 5],
    ])
    expect(compareLot('prog_1', broken)[0]).toMatchObject({ lot_id: 'lot_1', member_id: 'mem_1' })
  })

  it('reports a lot that no entry created, without guessing its status', () => {
    const orphan = lot({ ledger_earned: null, ledger_status: null })
    expect(compareLot('prog_1', orphan).map((d) => [d.what, d.expected, d.actual])).toEqual([
      ['earned', null, 100],
    ])
  })
})

function txn(fields: Partial<TransactionRecomputed> = {}): TransactionRecomputed {
  return {
    member_id: 'mem_1',
    transaction_id: 'txn_1',
    type: 'redeem',
    points: -30,
    available_delta: -30,
    pending_delta: 0,
    balance_after: 70,
    pending_after: 0,
    ledger_balance: 70,
    ledger_pending: 0,
    consumed: 30,
    ...fields,
  }
}

describe('consumptionRule', () => {
  it.each([
    ['redeem', -30, -30, { exact: true, points: 30 }],
    ['expire', -30, -30, { exact: true, points: 30 }],
    ['adjust', -30, -30, { exact: true, points: 30 }],
    ['reverse', -30, 0, { exact: true, points: 30 }],
    ['reverse', -30, -30, { exact: false, points: 30 }],
    ['earn', 30, 30, { exact: false, points: 30 }],
    ['adjust', 30, 30, { exact: false, points: 30 }],
    ['release', 30, 30, { exact: false, points: 30 }],
  ])('%s of %i (available delta %i) consumes %o', (type, points, availableDelta, rule) => {
    expect(consumptionRule({ type, points, available_delta: availableDelta })).toEqual(rule)
  })
})

describe('compareTransaction', () => {
  it('finds nothing in a consistent entry', () => {
    expect(compareTransaction('prog_1', txn())).toEqual([])
    const release = txn({ type: 'release', points: 30, available_delta: 30, pending_delta: -30 })
    expect(compareTransaction('prog_1', { ...release, consumed: 10 })).toEqual([])
    const debt = txn({ type: 'reverse', consumed: 10 })
    expect(compareTransaction('prog_1', debt)).toEqual([])
  })

  it('names a wrong running balance, wrong points and wrong consumption', () => {
    const broken = txn({ balance_after: 77, pending_after: 5, points: -31, consumed: 29 })
    expect(compareTransaction('prog_1', broken).map((d) => [d.what, d.expected, d.actual])).toEqual(
      [
        ['balance_after', 70, 77],
        ['pending_after', 0, 5],
        ['points', -30, -31],
        ['consumed', 31, 29],
      ],
    )
  })

  it('holds a release to its pending delta and a credit to consuming at most its points', () => {
    const release = txn({ type: 'release', points: 30, available_delta: 30, pending_delta: -20 })
    expect(compareTransaction('prog_1', { ...release, consumed: 31 })).toEqual([
      {
        program_id: 'prog_1',
        member_id: 'mem_1',
        transaction_id: 'txn_1',
        what: 'pending_delta',
        expected: -30,
        actual: -20,
      },
      {
        program_id: 'prog_1',
        member_id: 'mem_1',
        transaction_id: 'txn_1',
        what: 'consumed (at most)',
        expected: 30,
        actual: 31,
      },
    ])
  })
})

describe('formatting', () => {
  it('prints where, what, the ledger figure and the stored one', () => {
    const d = compareMember(
      'prog_1',
      member({ stored: { available: 257, pending: 0, ...counters } }),
    )
    expect(d.map(formatDifference)).toEqual(['prog_1 mem_1 available: expected 250, actual 257'])
    expect(formatDifference(compareLot('prog_1', lot({ ledger_earned: null }))[0] as never)).toBe(
      'prog_1 mem_1 lot_1 earned: expected none, actual 100',
    )
  })

  it('summarises the counts', () => {
    const base = { members_checked: 3, lots_checked: 7, transactions_checked: 9 }
    expect(formatSummary({ ...base, differences: [] })).toBe(
      'checked 3 members, 7 lots: 0 differences',
    )
    const one = compareMember('prog_1', member({ debt: 1 }))
    expect(formatSummary({ ...base, differences: one })).toBe(
      'checked 3 members, 7 lots: 1 difference',
    )
  })
})
