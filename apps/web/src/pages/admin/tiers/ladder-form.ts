import {
  type ReviewPeriod,
  TIER_KEY_PATTERN,
  type TierLadder,
  type TierMetric,
  type TierWindow,
} from '../../../api/tiers'
import { isMoneyMetric } from '../../../components/tiers/tier-helpers'
import { toMajorUnits, toMinorUnits } from '../../../i18n/format'

/** One editable row of the ladder. Thresholds are in what people type: yuan for spend. */
export interface TierRowDraft {
  /** Stable React key while rows move (keys themselves are being edited). */
  id: string
  key: string
  name: string
  nameEn: string
  threshold: number | null
  /** `#rrggbb` or null for none. */
  color: string | null
}

export interface LadderDraft {
  metric: TierMetric
  windowType: TierWindow['type']
  months: number | null
  downgradeType: 'never' | 'period_end'
  graceDays: number | null
  /** null = straight to the qualifying tier. */
  steps: number | null
  period: ReviewPeriod | 'default'
  tiers: TierRowDraft[]
}

export const MAX_TIERS = 20

export type LadderProblemCode =
  | 'keyRequired'
  | 'keyPattern'
  | 'keyDuplicate'
  | 'nameRequired'
  | 'thresholdRequired'
  | 'firstZero'
  | 'rising'
  | 'monthsRequired'
  | 'tooMany'
  | 'empty'

/** A problem with a path in the API's notation (`tiers[2].threshold`), like a 400's. */
export interface LadderProblem {
  path: string
  code: LadderProblemCode
}

let rowCounter = 0

export function newRow(values: Partial<Omit<TierRowDraft, 'id'>> = {}): TierRowDraft {
  rowCounter += 1
  return {
    id: `row-${rowCounter}`,
    key: '',
    name: '',
    nameEn: '',
    threshold: null,
    color: null,
    ...values,
  }
}

export function ladderToDraft(ladder: TierLadder, currency: string): LadderDraft {
  const money = isMoneyMetric(ladder.metric)
  const downgrade = ladder.downgrade
  return {
    metric: ladder.metric,
    windowType: ladder.window.type,
    months: ladder.window.type === 'rolling' ? ladder.window.months : 12,
    downgradeType: downgrade.type,
    graceDays: downgrade.type === 'period_end' ? (downgrade.grace_days ?? 0) : 0,
    steps: downgrade.type === 'period_end' ? (downgrade.steps ?? null) : null,
    period: (downgrade.type === 'period_end' && downgrade.period) || 'default',
    tiers: ladder.tiers.map((tier) =>
      newRow({
        key: tier.key,
        name: tier.name,
        nameEn: tier.name_en ?? '',
        threshold: money ? toMajorUnits(tier.threshold, currency) : tier.threshold,
        color: tier.color?.toLowerCase() ?? null,
      }),
    ),
  }
}

/** The threshold in the API's units (minor units for spend), or null if not filled in. */
export function rowThreshold(draft: LadderDraft, row: TierRowDraft, currency: string) {
  if (row.threshold === null || Number.isNaN(row.threshold)) return null
  return isMoneyMetric(draft.metric)
    ? toMinorUnits(row.threshold, currency)
    : Math.round(row.threshold)
}

export function draftToLadder(draft: LadderDraft, currency: string): TierLadder {
  const window: TierWindow =
    draft.windowType === 'rolling'
      ? { type: 'rolling', months: draft.months ?? 12 }
      : { type: draft.windowType }
  const downgrade: TierLadder['downgrade'] =
    draft.downgradeType === 'never'
      ? { type: 'never' }
      : {
          type: 'period_end',
          grace_days: draft.graceDays ?? 0,
          ...(draft.steps ? { steps: draft.steps } : {}),
          ...(draft.period !== 'default' ? { period: draft.period } : {}),
        }
  return {
    metric: draft.metric,
    window,
    downgrade,
    tiers: draft.tiers.map((row) => ({
      key: row.key.trim(),
      name: row.name.trim(),
      threshold: rowThreshold(draft, row, currency) ?? 0,
      ...(row.nameEn.trim() ? { name_en: row.nameEn.trim() } : {}),
      ...(row.color ? { color: row.color } : {}),
    })),
  }
}

/** What the server would refuse, found before asking it. */
export function validateDraft(draft: LadderDraft, currency: string): LadderProblem[] {
  const problems: LadderProblem[] = []
  if (draft.windowType === 'rolling') {
    const months = draft.months
    if (months === null || !Number.isInteger(months) || months < 1 || months > 120) {
      problems.push({ path: 'window.months', code: 'monthsRequired' })
    }
  }
  if (draft.tiers.length === 0) problems.push({ path: 'tiers', code: 'empty' })
  if (draft.tiers.length > MAX_TIERS) problems.push({ path: 'tiers', code: 'tooMany' })
  const seen = new Set<string>()
  let previous: number | null = null
  draft.tiers.forEach((row, index) => {
    const at = (field: string) => `tiers[${index}].${field}`
    const key = row.key.trim()
    if (!key) problems.push({ path: at('key'), code: 'keyRequired' })
    else if (!TIER_KEY_PATTERN.test(key)) problems.push({ path: at('key'), code: 'keyPattern' })
    else if (seen.has(key)) problems.push({ path: at('key'), code: 'keyDuplicate' })
    seen.add(key)
    if (!row.name.trim()) problems.push({ path: at('name'), code: 'nameRequired' })
    const threshold = rowThreshold(draft, row, currency)
    if (threshold === null) problems.push({ path: at('threshold'), code: 'thresholdRequired' })
    else if (index === 0 && threshold !== 0) {
      problems.push({ path: at('threshold'), code: 'firstZero' })
    } else if (previous !== null && threshold <= previous) {
      problems.push({ path: at('threshold'), code: 'rising' })
    }
    if (threshold !== null) previous = threshold
  })
  return problems
}

/** `tiers.2.key`, `/tiers/2/key` and `tiers[2].key` all as `tiers[2].key`. */
export function normalisePath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .replace(/\//g, '.')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
}

/** The row and field a path points at, if it points into the tiers. */
export function rowOfPath(path: string): { index: number; field: string } | null {
  const match = /^tiers\[(\d+)\](?:\.(\w+))?$/.exec(normalisePath(path))
  if (!match) return null
  return { index: Number(match[1]), field: match[2] ?? '' }
}

/** Swaps a row with its neighbour (`delta` -1 up, +1 down); unchanged at the ends. */
export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows]
  const next = [...rows]
  const [row] = next.splice(index, 1)
  if (row !== undefined) next.splice(target, 0, row)
  return next
}

/** Compares drafts ignoring the rows' local ids, to know whether anything changed. */
export function sameDraft(a: LadderDraft, b: LadderDraft, currency: string): boolean {
  return JSON.stringify(draftToLadder(a, currency)) === JSON.stringify(draftToLadder(b, currency))
}
