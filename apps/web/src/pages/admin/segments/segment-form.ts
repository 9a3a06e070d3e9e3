import type { SegmentCondition } from '../../../api/segments'

/** The segment editor's fields: the condition as JSON text. */
export interface SegmentFormValues {
  name: string
  conditionText: string
}

/** The server's bounds (docs/segments.md: the earning rules' limits). */
export const MAX_SEGMENT_NAME_LENGTH = 200
export const MAX_CONDITION_BYTES = 16 * 1024

export type ParsedSegmentCondition =
  | { ok: true; value: SegmentCondition }
  | { ok: false; reason: 'empty' | 'object' | 'size' }
  | { ok: false; reason: 'json'; message: string }

/** The condition text as a JsonLogic object, or why it is not one the server would take. */
export function parseSegmentCondition(text: string): ParsedSegmentCondition {
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: 'json', message: (error as Error).message }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'object' }
  }
  if (new TextEncoder().encode(JSON.stringify(parsed)).length > MAX_CONDITION_BYTES) {
    return { ok: false, reason: 'size' }
  }
  return { ok: true, value: parsed as SegmentCondition }
}

/** Whether a server path names the condition (`condition`, `condition.and[0].==[1]`). */
export function isConditionPath(path: string): boolean {
  return path === 'condition' || path.startsWith('condition.') || path.startsWith('condition[')
}

/** Conditions to start from, by key (their names are `segments.templates.<key>`). */
export function segmentTemplates(now: Date, timeZone: string) {
  let month = now.getUTCMonth() + 1
  try {
    month = Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone }).format(now))
  } catch {
    // An unknown zone: the UTC month.
  }
  return [
    { key: 'tier', condition: { in: [{ var: 'tier' }, ['gold', 'platinum']] } },
    { key: 'spend', condition: { '>=': [{ var: 'lifetime_spend' }, 100000] } },
    {
      key: 'lapsed',
      condition: {
        or: [
          { '==': [{ var: 'days_since_last_order' }, null] },
          { '>': [{ var: 'days_since_last_order' }, 90] },
        ],
      },
    },
    { key: 'birthdayMonth', condition: { '==': [{ var: 'birthday_month' }, month] } },
    { key: 'points', condition: { '>=': [{ var: 'points' }, 1000] } },
    { key: 'city', condition: { '==': [{ var: 'attributes.city' }, '上海'] } },
  ] as const satisfies readonly { key: string; condition: SegmentCondition }[]
}
