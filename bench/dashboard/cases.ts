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

/** `name` is set when the app's driver used a named (prepared, per-connection) statement: replayed the same way. */
export type Statement = { text: string; values: unknown[]; name?: string }

/**
 * A captured statement with the indexes of those that had finished before it started: replaying
 * each one as soon as those have finished again reproduces the order and the overlap Prisma ran
 * them with (count and findFirst together, a relation's query after its parent's, …).
 */
export type TimedStatement = Statement & { after: number[] }

export type CapturedCase = Case & {
  statements: TimedStatement[]
  /** The same statements grouped for reading: a wave's statements were in flight together. */
  waves: Statement[][]
  /** What the call returned (counts), to check the app's answers against. */
  summary: Record<string, unknown>
}

/** A hot read besides the latency cases (order page, Errors tab, staff overview, audit): its SQL and its in-process time. */
export type HotRead = { label: string; statements: TimedStatement[]; summary: string; ms: { median: number; max: number; runs: number } }

export type CaptureInput = { cases: Case[]; sessionToken: string }
export type CaptureOutput = {
  cases: CapturedCase[]
  /** Prisma's session lookup, and where the token hash sits in its parameters [statement, value]. */
  session: { statements: TimedStatement[]; waves: Statement[][]; hashAt: [number, number][] }
  hot?: HotRead[]
}

/**
 * Rows come back as text, unparsed: the baseline is the bare query, so it pays neither Prisma's
 * value mapping nor pg's Date/number parsing. (Prisma's own parsers keep most values as text too.)
 */
export const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig

export type Queryable = { query: (config: pg.QueryConfig & { rowMode?: 'array' }) => Promise<pg.QueryResult> }

/** Runs each statement once those it followed in the capture have finished (the pool gives concurrent ones their own connections). */
export async function replay(db: Queryable, statements: TimedStatement[], rowMode?: 'array'): Promise<pg.QueryResult[]> {
  const done: Promise<pg.QueryResult>[] = []
  for (const s of statements) {
    const deps = s.after.map((i) => done[i]!)
    done.push(Promise.all(deps).then(() => db.query({ text: s.text, values: s.values, types: RAW_TEXT, ...(s.name ? { name: s.name } : {}), ...(rowMode ? { rowMode } : {}) })))
  }
  return Promise.all(done)
}
