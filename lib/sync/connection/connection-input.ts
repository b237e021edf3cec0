// What the Back Market settings send, one schema for the form and the routes: the token as pasted
// from Back Market's back office (Options → Integrations), and the markets. zod/mini: the form
// ships these schemas to the browser.
import * as z from 'zod/mini'
import { MarketsSchema } from '@/lib/backmarket/markets'

/**
 * The token is sent verbatim after `Basic ` (docs/backmarket.md §1.2): printable ASCII, no spaces
 * inside. A pasted `Basic ` prefix is dropped, as the client does.
 */
export const BackMarketTokenSchema = z.pipe(
  z.pipe(
    z.string().check(z.trim()),
    z.transform((t: string) => t.replace(/^Basic\s+/i, '')),
  ),
  z.string().check(z.minLength(8, 'too short for a Back Market token'), z.maxLength(1000), z.regex(/^[\x21-\x7e]+$/, 'letters, digits and symbols only, no spaces')),
)

export const TestConnectionBodySchema = z.object({
  /** Absent: test the saved token. */
  token: z.optional(BackMarketTokenSchema),
  /** Absent: the saved markets. The first is the one the test calls in. */
  markets: z.optional(MarketsSchema),
})

export const SaveConnectionBodySchema = z.object({ token: BackMarketTokenSchema, markets: MarketsSchema })

export const UpdateMarketsBodySchema = z.object({ markets: MarketsSchema })

export type TestConnectionBody = z.output<typeof TestConnectionBodySchema>
export type SaveConnectionBody = z.output<typeof SaveConnectionBodySchema>

/** What the settings show of a token: its last four characters. */
export function tokenHint(token: string): string {
  return token.slice(-4)
}
