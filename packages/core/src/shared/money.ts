/*
 * Money and points arithmetic. Money is an integer of minor units (12900 = ¥129.00) and points
 * are integers; every operation here takes and gives integers, computes exactly (BigInt where a
 * product may pass 2^53) and has one documented rounding rule. Nothing else in the code divides
 * money or points. The bounds that keep the operands small are in limits.ts.
 */

/**
 * `value × numerator / denominator`, rounded down. All ≥ 0, denominator > 0; a result past 2^53
 * (which a number could not hold exactly) is an error, never a rounded number.
 */
export function mulDivFloor(value: number, numerator: number, denominator: number): number {
  const result = (BigInt(value) * BigInt(numerator)) / BigInt(denominator)
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${value} × ${numerator} / ${denominator} is past 2^53`)
  }
  return Number(result)
}

/**
 * The share of `total` that `part` out of `whole` carries, rounded down — and all of it once
 * `part` reaches `whole`. Refunds count it on the cumulative refunded amount, so rounding never
 * drifts: the shares of an order refunded in full add up to exactly its total.
 */
export function proportionalShare(total: number, part: number, whole: number): number {
  if (whole <= 0 || part >= whole) return total
  return mulDivFloor(total, part, whole)
}

/**
 * `percent` % of `amount` (percent 0–100, up to four decimals), rounded down: a discount never
 * gives away a fraction of a minor unit more than it says.
 */
export function percentOf(amount: number, percent: number): number {
  const scaled = Math.round(percent * 10_000)
  return mulDivFloor(amount, scaled, 1_000_000)
}

/**
 * `points` for every whole `per` of `amount`, rounded down: 1 point per ¥1 on ¥129.99 is 129.
 * A BigInt, as the product may pass 2^53 before a cap (`scaleDown`) applies.
 */
export function perAmountUnits(amount: number, per: number, points: number): bigint {
  return (BigInt(Math.max(0, Math.trunc(amount))) / BigInt(per)) * BigInt(points)
}

/** `value × numerator / denominator`, rounded down, and never more than `cap`. */
export function scaleDown(
  value: bigint,
  numerator: number,
  denominator: number,
  cap: number,
): number {
  const result = (value * BigInt(Math.max(0, numerator))) / BigInt(denominator)
  return result > BigInt(cap) ? cap : Number(result)
}

/**
 * Splits `amount` over lines in proportion to `weights` (e.g. a discount over the items of an
 * order, by their prices), in integers that add up to exactly `amount`: each line gets its
 * share rounded down, and the minor units left over go one each to the lines with the largest
 * remainders (the earliest line first among equals). Lines of weight 0 get 0.
 */
export function spread(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (total <= 0) return weights.map(() => 0)
  const big = BigInt(amount)
  const whole = BigInt(total)
  const shares = weights.map((w) => (big * BigInt(w)) / whole)
  const remainders = weights.map((w, i) => ({ i, rest: (big * BigInt(w)) % whole }))
  let left = amount - shares.reduce((sum, s) => sum + Number(s), 0)
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1))
  const result = shares.map(Number)
  for (const { i } of remainders) {
    if (left <= 0) break
    if ((weights[i] ?? 0) <= 0) continue
    result[i] = (result[i] ?? 0) + 1
    left--
  }
  return result
}

/** The value of `points` at checkout, in whole minor units, rounded down. */
export function pointsValue(points: number, redeemRate: number, minorPerMajor: number): number {
  return mulDivFloor(Math.max(0, points), minorPerMajor, redeemRate)
}

const MINOR_PER_MAJOR = new Map<string, number>()

/**
 * Minor units per major unit of an ISO 4217 currency: 100 for CNY and USD, 1 for JPY. Asked on
 * every quote and order: each currency's answer is kept (an Intl.NumberFormat is costly to make).
 */
export function minorPerMajor(currency: string): number {
  const known = MINOR_PER_MAJOR.get(currency)
  if (known !== undefined) return known
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits
  const minor = 10 ** (digits ?? 2)
  MINOR_PER_MAJOR.set(currency, minor)
  return minor
}
