// Text a person typed, as the server's input schemas take it: no control characters
// (control-characters.ts says why), checked on the value as sent. Schemas the browser's forms
// share with a route use plain-text-mini.ts instead (zod/mini), so forms do not ship all of zod.
import { z } from 'zod'
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from './control-characters'

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
