// Cursor pagination for the /api/v1 lists. Keyset, not offset: a page is "the rows after this
// one" in the list's order, so page 1,000 costs what page 1 costs (an index seek), and a row
// inserted or removed while a client walks the list never makes it skip or repeat one. The cursor
// is the last row's sort key, JSON in base64url: opaque to clients, checked by zod on the way
// back in, so a tampered or truncated one is a 400 naming `cursor`, never a 500. It needs no
// signature: it only says where to resume, and every query stays scoped to the key's merchant.
import { z } from 'zod'

export const DEFAULT_PAGE_LIMIT = 50
export const MAX_PAGE_LIMIT = 100
/** Far above any key we write; keeps a pasted novel out of the decoder. */
const MAX_CURSOR_CHARS = 512

const BASE64URL = /^[A-Za-z0-9_-]+$/

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** The key inside a cursor, or null when it is not one this list wrote. */
export function decodeCursor<S extends z.ZodType>(schema: S, raw: string): z.output<S> | null {
  if (raw.length > MAX_CURSOR_CHARS || !BASE64URL.test(raw)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : null
}

// An empty `cursor=` or `limit=` (a form, a client building URLs naively) means "not given".
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/**
 * The `cursor` and `limit` query parameters of a list whose cursor holds `key`: spread into the
 * operation's query schema, so the route's parse hands the handler the decoded key.
 */
export function cursorQuery<S extends z.ZodType>(key: S) {
  return {
    cursor: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .transform((raw, ctx) => {
          const decoded = decodeCursor(key, raw)
          if (decoded === null) {
            ctx.addIssue({ code: 'custom', message: 'Not a cursor of this list: pass nextCursor exactly as it was given, or leave it out to start again' })
            return z.NEVER
          }
          return decoded
        })
        .optional()
        .describe('The `nextCursor` of the previous page; leave it out for the first page.'),
    ),
    limit: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: 'Must be a number' })
        .int({ error: 'Must be a whole number' })
        .min(1, { error: 'Must be 1 or more' })
        .max(MAX_PAGE_LIMIT, { error: `Must be ${MAX_PAGE_LIMIT} or less` })
        .default(DEFAULT_PAGE_LIMIT)
        .describe(`Rows per page, 1 to ${MAX_PAGE_LIMIT}.`),
    ),
  }
}

export type CursorPage<T> = { data: T[]; nextCursor: string | null }

/**
 * One page from rows read with `take: limit + 1`: the extra row only says that more follow, and
 * the cursor is the key of the last row shown.
 */
export function toCursorPage<T, K>(rows: readonly T[], limit: number, keyOf: (row: T) => K): CursorPage<T> {
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  return { data, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null }
}

/** The answer of a cursor list, as its response schema. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass it as `cursor` for the next page; null on the last page.'),
  })
}
