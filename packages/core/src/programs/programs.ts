import { AppError } from '../shared/app-error.js'

export type ExpiryPolicy =
  | { type: 'none' }
  | { type: 'rolling'; months: number }
  | { type: 'annual'; years_after: number }

export interface PointsPolicy {
  expiry: ExpiryPolicy
  pending_days: number
  redeem_rate: number
  max_redeem_percent: number
  allow_negative: boolean
}

export const DEFAULT_POINTS_POLICY: PointsPolicy = {
  expiry: { type: 'none' },
  pending_days: 0,
  redeem_rate: 100,
  max_redeem_percent: 50,
  allow_negative: false,
}

export interface Program {
  id: string
  name: string
  currency: string
  timezone: string
  locale: string
  points_policy: PointsPolicy
  webhook_private_targets: boolean
  created_at: string
}

export interface NewProgramInput {
  name: string
  currency?: string
  timezone?: string
  locale?: string
}

export interface ProgramPatch {
  name?: string
  timezone?: string
  locale?: string
  points_policy?: Partial<PointsPolicy>
  webhook_private_targets?: boolean
}

/**
 * Field by field, `expiry` replaced whole: how a PATCH changes a policy (the repository does
 * the same in SQL, atomically) and how a stored policy gets the defaults it lacks.
 */
export function mergePointsPolicy(
  current: PointsPolicy,
  patch: Partial<PointsPolicy>,
): PointsPolicy {
  return { ...DEFAULT_POINTS_POLICY, ...current, ...patch }
}

export function assertTimezone(timezone: string, path = 'timezone'): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone })
  } catch {
    throw AppError.invalid(path, `"${timezone}" is not an IANA time zone`)
  }
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

export function assertCurrency(currency: string, path = 'currency'): void {
  if (!CURRENCIES.has(currency)) {
    throw AppError.invalid(path, `"${currency}" is not an ISO 4217 currency code`)
  }
}

export function assertLocale(locale: string, path = 'locale'): void {
  try {
    if (Intl.getCanonicalLocales(locale).length !== 1) throw new Error('not one locale')
  } catch {
    throw AppError.invalid(path, `"${locale}" is not a BCP 47 locale`)
  }
}
