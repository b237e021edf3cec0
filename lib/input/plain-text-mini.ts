// plainText (plain-text.ts) for the schemas a browser form shares with its route: the same rule
// and message in zod/mini, whose functions tree-shake, so a form's JavaScript carries a few kB of
// zod instead of all of it (~30 kB gzip; docs/benchmarks.md). Server code parses these schemas
// as any other: zod and zod/mini share one core, issues and all.
import * as z from 'zod/mini'
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from './control-characters'

/**
 * A string with no control characters (tab and line breaks allowed when `multiline`), checked on
 * the value as sent: put the field's own checks after it, e.g.
 * `plainTextMini().check(z.trim(), z.minLength(1, …), z.maxLength(200, …))`.
 */
export function plainTextMini(opts: { multiline?: boolean; error?: string } = {}) {
  const multiline = opts.multiline ?? false
  return z.string(opts.error === undefined ? undefined : { error: opts.error }).check(z.refine((v) => !hasControlCharacters(v, { multiline }), { error: CONTROL_CHARACTERS_MESSAGE }))
}
