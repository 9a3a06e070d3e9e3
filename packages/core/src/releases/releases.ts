import type { ReleaseRow } from '@loyalbase/db'
import type { TierLadder } from '../ladder/index.js'
import { AppError } from '../shared/app-error.js'

/*
 * Early access (优先购买权), the pure part: a release opens its SKU to everyone at `public_at`
 * and to some tiers a number of hours before. No I/O and no clock: the time is an argument.
 */

const HOUR_MS = 3_600_000

/** One tier's head start: its members may buy `hours_before` hours before `public_at`. */
export interface EarlyAccess {
  tier: string
  hours_before: number
}

export interface Release {
  id: string
  sku: string
  name: string
  public_at: Date
  early_access: EarlyAccess[]
  created_at: Date
  updated_at: Date
}

export interface ReleaseResource {
  id: string
  sku: string
  name: string
  public_at: string
  early_access: EarlyAccess[]
  created_at: string
  updated_at: string
}

export interface ReleaseInput {
  sku: string
  name: string
  public_at: string
  /** None given: no tier has a head start. */
  early_access?: EarlyAccess[]
}

export type ReleasePatch = Partial<ReleaseInput>

/** What a member may do about a SKU now. `opens_at` null: the SKU has no release. */
export interface ReleaseAccess {
  sku: string
  allowed: boolean
  opens_at: string | null
  public_at: string | null
  tier: string
  /** The release's name, or null when the SKU has none. */
  name: string | null
}

/** The live releases of a program by SKU (at most one each). */
export type ReleasesBySku = ReadonlyMap<string, Release>

/** An order or quote line the member may not buy yet: its SKU and when it opens to them. */
export interface EarlyAccessRefusal {
  sku: string
  opens_at: Date
}

export function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    public_at: row.public_at,
    early_access: row.early_access,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export function presentRelease(release: Release): ReleaseResource {
  return {
    id: release.id,
    sku: release.sku,
    name: release.name,
    public_at: release.public_at.toISOString(),
    early_access: release.early_access.map((e) => ({ tier: e.tier, hours_before: e.hours_before })),
    created_at: release.created_at.toISOString(),
    updated_at: release.updated_at.toISOString(),
  }
}

export function releasesBySku(releases: Iterable<Release>): ReleasesBySku {
  const map = new Map<string, Release>()
  for (const release of releases) map.set(release.sku, release)
  return map
}

/** The tier's head start in hours: the largest of its entries, 0 when it has none. */
export function headStartHours(release: Pick<Release, 'early_access'>, tierKey: string): number {
  let hours = 0
  for (const entry of release.early_access)
    if (entry.tier === tierKey && entry.hours_before > hours) hours = entry.hours_before
  return hours
}

/** When the release opens to members of the tier. */
export function opensAt(
  release: Pick<Release, 'public_at' | 'early_access'>,
  tierKey: string,
): Date {
  return new Date(release.public_at.getTime() - headStartHours(release, tierKey) * HOUR_MS)
}

/** May a member of the tier buy the SKU at `at`? A SKU without a release is always open. */
export function releaseAccess(
  sku: string,
  release: Release | undefined,
  tierKey: string,
  at: Date,
): ReleaseAccess {
  if (!release)
    return { sku, allowed: true, opens_at: null, public_at: null, tier: tierKey, name: null }
  const opens = opensAt(release, tierKey)
  return {
    sku,
    allowed: at.getTime() >= opens.getTime(),
    opens_at: opens.toISOString(),
    public_at: release.public_at.toISOString(),
    tier: tierKey,
    name: release.name,
  }
}

/**
 * For an order or quote: the first of `skus` (in their order) that a member of the tier may not
 * buy yet at `at`, with when it opens to them; null when every one is open.
 */
export function earlyAccessRefusal(
  releases: ReleasesBySku,
  tierKey: string,
  skus: Iterable<string>,
  at: Date,
): EarlyAccessRefusal | null {
  if (releases.size === 0) return null
  for (const sku of skus) {
    const release = releases.get(sku)
    if (!release) continue
    const opens = opensAt(release, tierKey)
    if (at.getTime() < opens.getTime()) return { sku, opens_at: opens }
  }
  return null
}

/** The error an order or quote answers for a refused SKU: `403 early_access_only`. */
export function earlyAccessError(refusal: EarlyAccessRefusal): AppError {
  return new AppError(
    'early_access_only',
    `SKU "${refusal.sku}" is not on sale to this member until ${refusal.opens_at.toISOString()}.`,
  )
}

/** What the schema cannot check: the tiers are the ladder's and the time is a real instant. */
export function validateRelease(input: ReleaseInput, ladder: TierLadder): void {
  if (input.sku.trim().length === 0) throw AppError.invalid('sku', 'must not be blank')
  if (input.name.trim().length === 0) throw AppError.invalid('name', 'must not be blank')
  if (Number.isNaN(new Date(input.public_at).getTime()))
    throw AppError.invalid('public_at', 'is not a valid date-time')
  const keys = new Set(ladder.tiers.map((t) => t.key))
  ;(input.early_access ?? []).forEach((entry, i) => {
    if (!keys.has(entry.tier))
      throw AppError.invalid(
        `early_access[${i}].tier`,
        `"${entry.tier}" is not a tier of the ladder`,
      )
  })
}

/** Fields given replace the stored ones whole. */
export function patchedRelease(release: Release, patch: ReleasePatch): ReleaseInput {
  return {
    sku: patch.sku ?? release.sku,
    name: patch.name ?? release.name,
    public_at: patch.public_at ?? release.public_at.toISOString(),
    early_access: patch.early_access ?? release.early_access,
  }
}
