import type { Tier, TierMetric } from '../../api/tiers'
import { TIER_METRICS } from '../../api/tiers'

/** Anything with a tier's names: a ladder entry, or `{ key, name }` from a member's status. */
export interface NamedTier {
  key: string
  name: string
  name_en?: string
}

/** The tier's name in the UI language: `name_en` in English when the ladder has one. */
export function tierLabel(tier: NamedTier, locale: string): string {
  return locale === 'en' && tier.name_en ? tier.name_en : tier.name
}

/** The ladder's entry for `key`, if the ladder (still) has it. */
export function findTier(ladder: readonly Tier[] | undefined, key: string): Tier | undefined {
  return ladder?.find((tier) => tier.key === key)
}

/**
 * A tier as the UI shows it: names and colour from the ladder when it has the key, else what
 * the answer carried (`name`), else the bare key (a tier a later ladder dropped).
 */
export function resolveTier(
  ladder: readonly Tier[] | undefined,
  key: string,
  name?: string,
): NamedTier & { color?: string } {
  return findTier(ladder, key) ?? { key, name: name ?? key }
}

export function isTierMetric(value: string): value is TierMetric {
  return (TIER_METRICS as readonly string[]).includes(value)
}

/** Metrics counted in the program's currency (minor units), typed by people in yuan. */
export function isMoneyMetric(metric: string): boolean {
  return metric === 'spend'
}

/** How far along to the next tier's threshold, 0–100, for a progress bar. */
export function progressPercent(value: number, nextThreshold: number): number {
  if (nextThreshold <= 0) return 100
  const percent = (Math.max(0, value) / nextThreshold) * 100
  // Never a full bar while something remains; one decimal is plenty for a bar.
  return Math.min(99.9, Math.round(percent * 10) / 10)
}
