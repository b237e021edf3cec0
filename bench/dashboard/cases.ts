// What the benchmark asks of the dashboard (one case = one merchant × one query) and how captured
// statements are replayed: by main.ts (the raw SQL baseline) and by bare-server.ts.
import pg from 'pg'

export type CaseKind = 'exact' | 'prefix' | 'banner'

export type Case = {
  /** e.g. "exact m37". */
  key: string
  kind: CaseKind
  merchantId: string
  /** The session cookie's token for the merchant's user. */
  token: string
  /** Search text for the order cases. */
  q?: string
  /** The app route: /api/orders?q=… or /api/connection-issues. */
  path: string
}

export type Statement = { text: string; values: unknown[] }

export type CapturedCase = Case & {
  /** Statements in waves: a wave's statements were in flight together, waves ran in order. */
  waves: Statement[][]
  /** What the call returned (counts), to check the app's answers against. */
  summary: Record<string, unknown>
}

export type CaptureInput = { cases: Case[]; sessionToken: string }
export type CaptureOutput = {
  cases: CapturedCase[]
  /** Prisma's session lookup, and where the token hash sits in its parameters [wave, statement, value]. */
  session: { waves: Statement[][]; hashAt: [number, number, number][] }
}

/**
 * Rows come back as text, unparsed: the baseline is the bare query, so it pays neither Prisma's
 * value mapping nor pg's Date/number parsing. (Prisma's own parsers keep most values as text too.)
 */
export const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig

export type Queryable = { query: (config: pg.QueryConfig & { rowMode?: 'array' }) => Promise<pg.QueryResult> }

/** Runs the waves in order, each wave's statements concurrently (the pool gives each its connection). */
export async function replay(db: Queryable, waves: Statement[][], rowMode?: 'array'): Promise<pg.QueryResult[]> {
  const results: pg.QueryResult[] = []
  for (const wave of waves) {
    const rs = await Promise.all(wave.map((s) => db.query({ text: s.text, values: s.values, types: RAW_TEXT, ...(rowMode ? { rowMode } : {}) })))
    results.push(...rs)
  }
  return results
}
