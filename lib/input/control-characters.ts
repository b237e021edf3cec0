// The rule behind every text input: no control characters. PostgreSQL cannot store NUL in text at
// all (a NUL in a dismiss reason was a 500), and the other C0/C1 controls are never typed, only
// injected, and break logs, CSV exports and Back Market's payloads. Tab and line breaks are
// legitimate only in multi-line text (a textarea). No zod here: the browser's forms import it, and
// both zod flavours wrap it (plain-text.ts for the server's schemas, plain-text-mini.ts for those
// the forms share with the routes).

// \p{Cc}: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). \p{Cs}: a lone UTF-16 surrogate (in
// unicode mode a pair is one character and does not match) — not a character at all, only junk
// input carries one, and PostgreSQL refuses it in JSON (a warehouse event's carrier with one was
// a 500 from the ingest's jsonb cast).
const ANY_CONTROL = /\p{Cc}|\p{Cs}/u
const CONTROL_BUT_TAB_OR_NEWLINE = /(?![\t\n\r])\p{Cc}|\p{Cs}/u

export const CONTROL_CHARACTERS_MESSAGE = 'Must not contain control characters'

/** Whether a zod issue is plainText's refusal, so a form can say so instead of a generic message. */
export function isControlCharacterIssue(issue: { code: string; message: string }): boolean {
  return issue.code === 'custom' && issue.message === CONTROL_CHARACTERS_MESSAGE
}

/** Whether a value holds a character plainText would refuse. */
export function hasControlCharacters(value: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? CONTROL_BUT_TAB_OR_NEWLINE : ANY_CONTROL).test(value)
}
