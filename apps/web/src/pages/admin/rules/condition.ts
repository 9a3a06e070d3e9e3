/** The condition editor's text: JsonLogic as JSON, parsed and combined without the server. */

export type ParsedCondition =
  | { ok: true; value: Record<string, unknown> | null }
  | { ok: false; reason: 'json'; message: string }
  | { ok: false; reason: 'object' }

/** Empty text means "no condition" (the rule always pays). */
export function parseCondition(text: string): ParsedCondition {
  if (text.trim() === '') return { ok: true, value: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: 'json', message: (error as Error).message }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'object' }
  }
  return { ok: true, value: parsed as Record<string, unknown> }
}

/**
 * Adds a template to what is typed: an empty or unreadable editor takes the template, an
 * `and` gains one more clause, any other condition becomes `and` of both.
 */
export function insertCondition(text: string, template: Record<string, unknown>): string {
  const current = parseCondition(text)
  let next: Record<string, unknown> = template
  if (current.ok && current.value) {
    const clauses = current.value.and
    next =
      Object.keys(current.value).length === 1 && Array.isArray(clauses)
        ? { and: [...clauses, template] }
        : { and: [current.value, template] }
  }
  return formatCondition(next)
}

/** Problem paths come as `condition.…` from a create and `rule.condition.…` from a preview. */
export function normaliseRulePath(path: string): string {
  return path.startsWith('rule.') ? path.slice('rule.'.length) : path
}

export function isConditionPath(path: string): boolean {
  const normal = normaliseRulePath(path)
  return (
    normal === 'condition' || normal.startsWith('condition.') || normal.startsWith('condition[')
  )
}

const INLINE_WIDTH = 64

/** One line, with a space after commas and colons and inside braces. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`,
    )
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * JSON laid out for reading: a value that fits on a line stays on one line, larger arrays
 * and objects put each member on its own line. JsonLogic's `{ "var": "order.amount" }`
 * thus never takes four lines.
 */
export function formatCondition(value: unknown, indent = ''): string {
  const line = inline(value)
  if (line.length + indent.length <= INLINE_WIDTH || value === null || typeof value !== 'object') {
    return line
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + formatCondition(item, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatCondition(item, inner)}`,
  )
  return `{\n${entries.join(',\n')}\n${indent}}`
}
