import { describeFieldPath, type Translate, translateFieldMessage } from './api-errors'
import type { importsZhCN } from './zh-CN.imports'

/*
 * An import's rejected records and failures in the reader's language. The server gives its
 * reasons in English (packages/core/src/data-import/import-rows.ts, and the API's use cases):
 * `phone: "bad" is not a mainland mobile number or E.164`, a column then what is wrong with it,
 * or a sentence about the whole record. Those it words are matched here by meaning; a reason the
 * app does not know is shown as the server wrote it.
 */

/** A reason in words, and whether it is a translation (false: the server's English). */
export interface LocalisedReason {
  text: string
  translated: boolean
  /** What the server wrote. */
  raw: string
}

type ReasonKey = keyof typeof importsZhCN.imports.reasons
type Params = (match: RegExpExecArray) => Record<string, unknown>
type Entry = [RegExp, ReasonKey, Params]

const none: Params = () => ({})
const value: Params = (m) => ({ value: m[1] })

/** About the whole record: no column named. */
const RECORD: Entry[] = [
  [
    /^expected (\d+) columns as in the header, found (\d+)$/,
    'columnCount',
    (m) => ({ expected: m[1], found: m[2] }),
  ],
  [/^the file cannot be read from here on: ([\s\S]*)$/, 'unreadable', (m) => ({ reason: m[1] })],
  [
    /^The order id "(.*)" was already used with a different request\.$/,
    'orderIdReused',
    (m) => ({ id: m[1] }),
  ],
]

/** About one column's cell: what follows `column: `. */
const CELL: [RegExp, ReasonKey | `errors.messages.${string}`, Params][] = [
  [/^has bytes that are not UTF-8$/, 'notUtf8', none],
  [/^contains U\+0000$/, 'nul', none],
  [/^longer than (\d+) characters$/, 'errors.messages.maxLength', (m) => ({ limit: m[1] })],
  [/^is required \(minor units, e\.g\. \d+\)$/, 'amountRequired', none],
  [/^is required when category or quantity is given$/, 'skuRequired', none],
  [/^"(.*)" is not a whole number$/, 'notInteger', value],
  [/^must be at least (\S+) \(got .*\)$/, 'errors.messages.min', (m) => ({ limit: m[1] })],
  [/^must be at most (\S+) \(got .*\)$/, 'errors.messages.max', (m) => ({ limit: m[1] })],
  [/^"(.*)" is not a date \(YYYY-MM-DD\) or a time with a zone\b/, 'notTime', value],
  [/^"(.*)" is not a real date$/, 'notRealDate', value],
  [/^"(.*)" is not a mainland mobile number or E\.164$/, 'phone', value],
  [/^"(.*)" is not an email address$/, 'email', value],
  [/^"(.*)" is not YYYY-MM-DD or --MM-DD$/, 'birthday', value],
  [
    /^line (\d+) says "(.*)", line (\d+) "(.*)" for the same order$/,
    'disagrees',
    (m) => ({ line: m[1], value: m[2], first: m[3], firstValue: m[4] }),
  ],
  [/^some lines of the order have none$/, 'skuSomeLines', none],
  [/^there is no such member in the program$/, 'noMember', none],
]

const key = (name: string) => (name.startsWith('errors.') ? name : `imports.reasons.${name}`)

/** A cell's problem in words, by the patterns above, then by the API's own messages. */
function cellMessage(message: string, t: Translate): string | null {
  for (const [pattern, name, params] of CELL) {
    const match = pattern.exec(message)
    if (match) return t(key(name), params(match))
  }
  return translateFieldMessage(message, t)
}

/** Why the server refused a record, in the reader's language. */
export function localiseRejectReason(reason: string, t: Translate): LocalisedReason {
  const raw = reason
  for (const [pattern, name, params] of RECORD) {
    const match = pattern.exec(reason)
    if (match) return { text: t(key(name), params(match)), translated: true, raw }
  }
  const cell = /^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): ([\s\S]+)$/.exec(reason)
  if (cell) {
    const [, path = '', message = ''] = cell
    const text = cellMessage(message, t)
    if (text !== null) {
      const field = describeFieldPath(path, t)
      return { text: t('errors.fieldSentence', { field, message: text }), translated: true, raw }
    }
  }
  return { text: reason, translated: false, raw }
}

/** Why an import stopped, in the reader's language. */
export function localiseImportFailure(error: string, t: Translate): LocalisedReason {
  const header = /^line 1: the header lacks (.+); expected (.+)$/.exec(error)
  if (header)
    return {
      text: t('imports.failures.headerLacks', { missing: header[1], expected: header[2] }),
      translated: true,
      raw: error,
    }
  if (/^The import stopped \(the server was restarted\)/.test(error))
    return { text: t('imports.failures.restarted'), translated: true, raw: error }
  return { text: error, translated: false, raw: error }
}
