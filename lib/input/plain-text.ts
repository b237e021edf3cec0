// Text a person typed, as every input schema takes it: no control characters. PostgreSQL cannot
// store NUL in text at all (a NUL in a dismiss reason was a 500), and the other C0/C1 controls are
// never typed, only injected, and break logs, CSV exports and Back Market's payloads. Tab and line
// breaks are legitimate only in multi-line text (a textarea). Client-safe: forms use it too.
import { z } from 'zod'

// \p{Cc}: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
const ANY_CONTROL = /\p{Cc}/u
const CONTROL_BUT_TAB_OR_NEWLINE = /(?![\t\n\r])\p{Cc}/u

export const CONTROL_CHARACTERS_MESSAGE = 'Must not contain control characters'

/** Whether a zod issue is plainText's refusal, so a form can say so instead of a generic message. */
export function isControlCharacterIssue(issue: { code: string; message: string }): boolean {
  return issue.code === 'custom' && issue.message === CONTROL_CHARACTERS_MESSAGE
}

/** Whether a value holds a character plainText would refuse. */
export function hasControlCharacters(value: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_BUT_TAB_OR_NEWLINE : ANY_CONTROL).test(value)
}

/**
 * A string with no control characters (tab and line breaks allowed when `multiline`), checked on
 * the value as sent, before any trim. Chain the field's own rules after it:
 * `plainText().trim().min(1, …).max(200, …)`.
 */
export function plainText(opts: { multiline?: boolean; error?: string } = {}) {
  const multiline = opts.multiline ?? false
  return z
    .string(opts.error === undefined ? undefined : { error: opts.error })
    .refine((v) => !hasControlCharacters(v, { multiline }), { error: CONTROL_CHARACTERS_MESSAGE })
}
