import { ApiError } from '../api/client'
import { errorsZhCN } from './zh-CN.errors'

/**
 * API errors in the reader's language. The server answers in English for developers
 * (`detail`, `errors[].message`); the console and portal show a sentence of their own for
 * each error `code`, the fields a `400` names, and the validation messages the server writes
 * (mapped by meaning below). What the server said stays in `raw`, for operators.
 */

/** `t` of i18next, loosely typed: the keys here are built from what the server sent. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** One field a `400 invalid_request` names. */
export interface FieldProblem {
  /** The path as the server sent it: `items[0].sku`, `tiers[1].key`, `birthday`. */
  path: string
  /** The field in words (`商品 #1 › SKU`); '' when the request as a whole is meant. */
  field: string
  /** The message in the reader's language (the server's own when it is not one we know). */
  message: string
  /** Whether `message` is a translation (false: the server's English, as it came). */
  translated: boolean
  /** The server's message, untranslated. */
  raw: string
}

/** What the server said, untranslated: for the "details" operators open. */
export interface RawProblem {
  status: number
  code: string
  detail: string
  errors: { path: string; message: string }[]
  requestId?: string
}

export interface LocalisedError {
  /** The server's code (`member_exists`), `network_error`, or `unknown_error`. */
  code: string
  /** HTTP status; 0 for no answer (network) or not an API error at all. */
  status: number
  /** One sentence for the code, in the reader's language. */
  message: string
  /** The fields a 400 names, each in the reader's language. */
  fields: FieldProblem[]
  /**
   * One line for a toast or an alert: the first field's problem (and how many more) for a
   * 400 that names fields, otherwise `message`.
   */
  summary: string
  /** What the server (or the network) said, as it came; null for an error of the page itself. */
  raw: RawProblem | null
}

const KNOWN_CODES = new Set(Object.keys(errorsZhCN.errors.codes))
const KNOWN_STATUSES = new Set(Object.keys(errorsZhCN.errors.status))
const KNOWN_FIELDS = new Set(Object.keys(errorsZhCN.errors.fields))
const KNOWN_TYPES = new Set(Object.keys(errorsZhCN.errors.types))
const KNOWN_FORMATS = new Set(Object.keys(errorsZhCN.errors.formats))

/** `Member not found` (AppError.notFound) → the resource's key under `errors.notFound`. */
const NOT_FOUND: Record<string, keyof typeof errorsZhCN.errors.notFound> = {
  Member: 'member',
  Order: 'order',
  Event: 'event',
  'Earning rule': 'earningRule',
  Program: 'program',
  'API key': 'apiKey',
  'Job run': 'jobRun',
  Segment: 'segment',
  Campaign: 'campaign',
  'Coupon template': 'couponTemplate',
  Advisor: 'advisor',
  Release: 'release',
  Benefit: 'benefit',
  Reward: 'reward',
  'Reward redemption': 'rewardRedemption',
  Webhook: 'webhook',
  Delivery: 'delivery',
  Import: 'import',
}

type MessageKey = keyof typeof errorsZhCN.errors.messages
type Params = (match: RegExpExecArray, t: Translate) => Record<string, unknown>

const none: Params = () => ({})
const limit: Params = (m) => ({ limit: m[1] })
const value: Params = (m) => ({ value: m[1] })

function typeNames(list: string, t: Translate): string {
  return list
    .split(',')
    .map((type) => (KNOWN_TYPES.has(type) ? t(`errors.types.${type}`) : type))
    .join(t('errors.messages.typeOr'))
}

const COMPARISONS: Record<string, MessageKey> = { '>=': 'min', '<=': 'max', '>': 'gt', '<': 'lt' }
const TYPES = '(?:string|number|integer|boolean|object|array|null)'

/**
 * The messages the server writes, by meaning: Ajv's (schema validation, as the server words
 * them) and the domain's own (`AppError.invalid`). First match wins; anything else is shown
 * as the server wrote it.
 */
const MESSAGES: [RegExp, MessageKey | ((m: RegExpExecArray) => MessageKey), Params][] = [
  // Schema validation (Ajv, with the server's rewording of `required` and unknown fields).
  [/^is required$/, 'required', none],
  [/^must have required property '.*'$/, 'required', none],
  [/^is not a known field$/, 'unknownField', none],
  [/^must NOT have additional properties$/, 'unknownField', none],
  [/^is invalid$/, 'invalid', none],
  [
    new RegExp(`^must be (${TYPES}(?:,${TYPES})*)$`),
    'type',
    (m, t) => ({ type: typeNames(m[1] ?? '', t) }),
  ],
  [
    /^must be (>=|<=|>|<) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/,
    (m) => COMPARISONS[m[1] ?? ''] ?? 'invalid',
    (m) => ({ limit: m[2] }),
  ],
  [/^must be multiple of (\S+)$/, 'multipleOf', limit],
  [/^must NOT have fewer than 1 characters$/, 'notEmpty', none],
  [/^must NOT have more than (\d+) characters$/, 'maxLength', limit],
  [/^must NOT have fewer than (\d+) characters$/, 'minLength', limit],
  [/^must NOT have more than (\d+) items$/, 'maxItems', limit],
  [/^must NOT have fewer than (\d+) items$/, 'minItems', limit],
  [/^must NOT have more than (\d+) properties$/, 'maxProperties', limit],
  [/^must NOT have fewer than (\d+) properties$/, 'minProperties', limit],
  [
    /^must match format "(.+)"$/,
    'format',
    (m, t) => ({ format: KNOWN_FORMATS.has(m[1] ?? '') ? t(`errors.formats.${m[1]}`) : m[1] }),
  ],
  [/^must match pattern "(.+)"$/, 'pattern', (m) => ({ pattern: m[1] })],
  [/^must match (\^.*)$/, 'pattern', (m) => ({ pattern: m[1] })],
  [/^must be one of: (.+)$/, 'oneOf', (m) => ({ values: m[1] })],
  [/^must be equal to one of the allowed values$/, 'enum', none],
  [/^must be equal to constant$/, 'const', none],
  [/^must NOT have duplicate items/, 'unique', none],
  // The domain's own checks.
  [/^must not lie in the future$/, 'notFuture', none],
  [/^must lie in the future$/, 'future', none],
  [/^must be a real date as YYYY-MM-DD or --MM-DD$/, 'realDate', none],
  [/^must be a date-time$/, 'dateTime', none],
  [/^must be after starts_at$/, 'afterStart', none],
  [/^must be 0$/, 'zero', none],
  [/^must be greater than (\S+)$/, 'greaterThan', limit],
  [
    /^must be an integer from (\S+) to (\S+?)(?: \(minor units\))?$/,
    'integerRange',
    (m) => ({ min: m[1], max: m[2] }),
  ],
  [/^must be (\S+) or an event type$/, 'trigger', (m) => ({ order: m[1] })],
  [
    /^must be > 0 and ≤ (\S+), with at most (\d+) decimals$/,
    'multiplier',
    (m) => ({ max: m[1], decimals: m[2] }),
  ],
  [/^must be 1 to (\d+) characters$/, 'length', (m) => ({ max: m[1] })],
  [
    /^must be at most (\d+) KB as JSON \(is (\d+) bytes\)$/,
    'jsonSize',
    (m) => ({ max: m[1], bytes: m[2] }),
  ],
  [/^must nest at most (\d+) levels deep$/, 'depth', (m) => ({ max: m[1] })],
  [/^nests more than (\d+) levels deep$/, 'depth', (m) => ({ max: m[1] })],
  [/^must not contain U\+0000 or unpaired surrogates$/, 'text', none],
  [/^must not have the form of a member id/, 'notMemberId', none],
  [/^must be a JsonLogic object, or null for always$/, 'jsonLogic', none],
  [/^cannot be evaluated: ([\s\S]+)$/, 'cannotEvaluate', (m) => ({ reason: m[1] })],
  [/^an operation names exactly one operator/, 'oneOperator', none],
  [/^unknown operator "(.+)"$/, 'unknownOperator', (m) => ({ op: m[1] })],
  [/^"(.+)" is not an IANA time zone$/, 'timezone', value],
  [/^"(.+)" is not an ISO 4217 currency code$/, 'currency', value],
  [/^"(.+)" is not a BCP 47 locale$/, 'locale', value],
  [/^"(.+)" appears twice$/, 'duplicate', value],
  [/^"(.+)" is not a tier of the ladder$/, 'unknownTier', value],
  [/^is not a known referral code$/, 'referralCode', none],
  [/^is not a member of this program$/, 'notMember', none],
  [/^give exactly one of order and event$/, 'orderOrEvent', none],
  [/^is not a valid cursor$/, 'cursor', none],
  [/^the order has no item "(.+)"$/, 'noSuchItem', (m) => ({ sku: m[1] })],
  [
    /^the order has (\d+) of "(.+)" left to refund$/,
    'refundLeft',
    (m) => ({ count: m[1], sku: m[2] }),
  ],
  // Campaigns.
  [/^must not be blank$/, 'notEmpty', none],
  [/^is not a segment of this program$/, 'unknownSegment', none],
  [/^is not a coupon template of this program$/, 'unknownTemplate', none],
  // Rewards.
  [/^is required for a coupon reward$/, 'couponRewardTemplate', none],
  [/^is only for a coupon reward$/, 'onlyCouponReward', none],
  [/^is not active$/, 'notActive', none],
  [/^is not a tier of the program’s ladder$/, 'notOnLadder', none],
  [/^the reward’s coupon has no bounded value/, 'unboundedCoupon', none],
  [/^must not be below the (\d+) rewards already given$/, 'belowRewards', (m) => ({ n: m[1] })],
  [/^must not be below the (\d+) already spent$/, 'belowSpent', (m) => ({ n: m[1] })],
  // Segments.
  [/^unknown field "(.*?)"; segments read /, 'segmentField', (m) => ({ field: m[1] })],
  [/^segments do not support "(.+?)";/, 'segmentOperator', (m) => ({ op: m[1] })],
  [
    /^(\S+) is a number(?: or null)?: compare it with a number$/,
    'compareNumber',
    (m) => ({ field: m[1] }),
  ],
  [
    /^(\S+) is a string(?: or null)?: compare it with a string$/,
    'compareString',
    (m) => ({ field: m[1] }),
  ],
  [/^compares one field \(\{"var": "…"\}\) with one literal value$/, 'fieldAndValue', none],
  // Benefits.
  [/^must be 1–64 lower-case letters, digits/, 'benefitKey', none],
  [/^"(.+)" is not a tier of the program's ladder$/, 'unknownTier', value],
  [/^a discount needs percent_off/, 'percentOff', none],
  [/^a points multiplier needs multiplier/, 'benefitMultiplier', none],
  [/^must be a positive integer \(minor units\)$/, 'positiveMinor', none],
  [/^is too large$/, 'tooLarge', none],
  [/^names a tier twice$/, 'tierTwice', none],
  [/^is taken$/, 'taken', none],
  // Webhooks: the target URL (webhook-target.ts) and the events.
  [/^is not a URL$/, 'notUrl', none],
  [/^must be an http or https URL$/, 'httpUrl', none],
  [/^must not carry credentials/, 'urlCredentials', none],
  [/^must not have a fragment/, 'urlFragment', none],
  [/^has no host$/, 'urlHost', none],
  [/^is a link-local address\b/, 'linkLocalTarget', none],
  [/^(?:is a cloud metadata address|names a cloud metadata service)\b/, 'metadataTarget', none],
  [/^is (?:the unspecified|a multicast|a broadcast) address\b/, 'forbiddenTarget', none],
  [/^name at least one event type$/, 'eventsRequired', none],
  [/^names an event type twice$/, 'eventTwice', none],
  [/^"(.+)" is not an event type;/, 'unknownEventType', value],
]

/** A validation message from the server in the reader's language, or null if unknown. */
export function translateFieldMessage(message: string, t: Translate): string | null {
  for (const [pattern, key, params] of MESSAGES) {
    const match = pattern.exec(message)
    if (!match) continue
    const name = typeof key === 'function' ? key(match) : key
    return t(`errors.messages.${name}`, params(match, t))
  }
  return null
}

/**
 * A field's path in words: `tiers[1].threshold` → `等级 #2 › 门槛`. Parts we have no name for
 * (a tier key in `tier_multipliers.gold`, a JsonLogic operator) stay as they are.
 */
export function describeFieldPath(path: string, t: Translate): string {
  if (!path) return ''
  const parts: string[] = []
  for (const segment of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment)
    const name = match?.[1] ?? segment
    let label = KNOWN_FIELDS.has(name) ? t(`errors.fields.${name}`) : name
    for (const [, index] of (match?.[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      label = t('errors.item', { field: label, n: Number(index) + 1 })
    }
    if (label) parts.push(label)
  }
  return parts.join(t('errors.pathSeparator'))
}

/** One field problem in words. */
export function localiseFieldProblem(
  problem: { path: string; message: string },
  t: Translate,
): FieldProblem {
  const translated = translateFieldMessage(problem.message, t)
  return {
    path: problem.path,
    field: describeFieldPath(problem.path, t),
    message: translated ?? problem.message,
    translated: translated !== null,
    raw: problem.message,
  }
}

function codeMessage(error: ApiError, t: Translate): string {
  if (error.code === 'network_error') return t('errors.network')
  if (error.code === 'not_found') {
    const what = /^(.+) not found$/.exec(error.detail)?.[1]
    const key = what ? NOT_FOUND[what] : undefined
    if (key) return t('errors.notFound.sentence', { what: t(`errors.notFound.${key}`) })
    if (/^There is no job named/.test(error.detail)) {
      return t('errors.notFound.sentence', { what: t('errors.notFound.job') })
    }
  }
  if (error.code === 'forbidden') {
    if (error.detail === 'A readonly key may only read.') return t('errors.readonlyKey')
    if (error.detail === 'A program key is required.') return t('errors.programKeyRequired')
    const role = /^This endpoint needs a key with role (.+)\.$/.exec(error.detail)?.[1]
    if (role) return t('errors.roleRequired', { role })
  }
  if (error.code === 'payload_too_large') {
    const limit = /^An upload is at most (\d+) MB/.exec(error.detail)?.[1]
    if (limit) return t('errors.uploadTooLarge', { limit })
  }
  if (error.code === 'invalid_request' && /^Send the CSV file as the body/.test(error.detail)) {
    return t('errors.csvBodyRequired')
  }
  if (error.status === 429 && error.retryAfter) {
    return t('errors.rateLimitedIn', { seconds: error.retryAfter })
  }
  if (KNOWN_CODES.has(error.code)) return t(`errors.codes.${error.code}`)
  if (KNOWN_STATUSES.has(String(error.status))) return t(`errors.status.${error.status}`)
  return error.status >= 500 ? t('errors.status.500') : t('errors.unknown')
}

/** Anything a call threw, in the reader's language, with the server's own words kept aside. */
export function localiseError(error: unknown, t: Translate): LocalisedError {
  if (!(error instanceof ApiError)) {
    const message = t('errors.unknown')
    return { code: 'unknown_error', status: 0, message, fields: [], summary: message, raw: null }
  }
  const message = codeMessage(error, t)
  const fields = error.errors.map((problem) => localiseFieldProblem(problem, t))
  const [first] = fields
  let summary = message
  if (first) {
    summary = first.field
      ? t('errors.fieldSentence', { field: first.field, message: first.message })
      : first.message
    if (fields.length > 1) summary += t('errors.more', { count: fields.length - 1 })
  }
  const raw: RawProblem = {
    status: error.status,
    code: error.code,
    detail: error.detail,
    errors: error.errors,
    ...(error.requestId ? { requestId: error.requestId } : {}),
  }
  return { code: error.code, status: error.status, message, fields, summary, raw }
}

/** The raw problem as one block of text (a tooltip, a copied bug report). */
export function rawProblemText(raw: RawProblem, t: Translate): string {
  const fields = raw.errors.map((problem) => `${problem.path}: ${problem.message}`)
  // A 400's detail is usually its first field problem, or all of them joined: said once.
  const repeats = raw.detail === fields[0] || raw.detail === fields.join('; ')
  const lines = [raw.status ? `HTTP ${raw.status} ${raw.code}` : raw.code]
  if (!repeats) lines.push(raw.detail)
  lines.push(...fields)
  if (raw.requestId) lines.push(`${t('errors.requestId')}: ${raw.requestId}`)
  return lines.join('\n')
}
