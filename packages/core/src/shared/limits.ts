/**
 * The bounds the API puts on numbers. Money and points are integers that must stay exact from
 * the request to the database and back; JavaScript numbers are exact up to 2^53 - 1 (about
 * 9 × 10^15), so every single amount is held far below that, and sums of them (balances,
 * lifetime counters) would need millions of maximal entries to get near it. The database
 * driver refuses an int8 it cannot return exactly rather than round it.
 */

/** An amount of money in minor units (an order, an item price, a shipping fee, a refund). */
export const MAX_AMOUNT = 1_000_000_000_000

/** Items of one order line. */
export const MAX_QUANTITY = 1_000_000

/**
 * Points in one ledger entry: a rule's reward for one order or event (after its tier
 * multiplier), a manual adjustment, a redemption.
 */
export const MAX_POINTS = 1_000_000_000

/** A rule's caps (per member per day, month, in total; its total budget). */
export const MAX_RULE_LIMIT = 1_000_000_000_000_000

/** A coupon template's limits: coupons per member, coupons in all. */
export const MAX_COUPON_LIMIT = 1_000_000_000

/** Codes one bulk-code request makes. */
export const MAX_BULK_CODES = 100_000

/** How far ahead of the server's clock an order or event may be dated (clock skew). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

/** Places of one appointment slot or exclusive event. */
export const MAX_PLACES = 1_000_000
/** A release's longest head start for one tier: a year. */
export const MAX_HEAD_START_HOURS = 8_760

/** Early-access entries of one release. */
export const MAX_EARLY_ACCESS_ENTRIES = 100

/** An advisor's capacity: members it may serve. */
export const MAX_ADVISOR_CAPACITY = 1_000_000
