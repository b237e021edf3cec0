// What PostgreSQL does with the captured SQL: EXPLAIN ANALYZE of every hot statement for one
// merchant — the session lookup, the order search (exact and prefix), the banner, and the hot
// reads of capture-hot.ts (order page, Errors tab, staff overview, Audit's first page) — and the
// SQL itself, for the report. A named statement is planned once per connection and may settle
// on PostgreSQL's generic plan after five runs: its generic plan (EXPLAIN (GENERIC_PLAN)) is
// checked too. Any sequential scan of a big table (≥ BIG_TABLE_ROWS rows) in either plan is a
// finding: the report lists it and the run fails (main.ts).
import type pg from 'pg'
import type { CaptureOutput, Statement } from './cases'
import type { Results } from './report'

/** A table this big read whole is a finding: at 10M orders such a scan costs seconds, not milliseconds. */
export const BIG_TABLE_ROWS = 100_000

export type PlanFinding = { label: string; table: string; rows: number; plan: 'custom' | 'generic' }
export type HotSummary = { label: string; statements: number; executionMs: number; appMs: number | null; detail: string; topNodes: string[] }

/** Tables read by a sequential scan in a text plan ("Seq Scan on "Order" o", "Parallel Seq Scan on …"). */
export function seqScannedTables(planLines: string[]): string[] {
  const out: string[] = []
  for (const line of planLines) {
    const m = /Seq Scan on (?:public\.)?"?([A-Za-z_][\w]*)"?/.exec(line)
    if (m) out.push(m[1]!)
  }
  return out
}

export async function explainAll(
  pool: pg.Pool,
  captured: CaptureOutput,
): Promise<{ text: string; summary: Results['plans']; findings: PlanFinding[]; hot: HotSummary[]; bigTables: Record<string, number> }> {
  const parts: string[] = []
  const summary: Results['plans'] = []
  const findings: PlanFinding[] = []
  const big = await bigTables(pool)
  // One merchant's three cases (the first sampled), the session lookup, and the hot reads.
  const first = captured.cases.slice(0, 3)
  const groups: { label: string; appMs: number | null; detail: string; statements: Statement[] }[] = [
    { label: 'session lookup', appMs: null, detail: '', statements: captured.session.statements },
    ...first.map((c) => ({ label: c.key.replace(/ m\d+$/, c.kind === 'banner' ? ' (banner)' : ' search'), appMs: null, detail: JSON.stringify(c.summary), statements: c.statements })),
    ...(captured.hot ?? []).map((h) => ({ label: h.label, appMs: h.ms.median, detail: h.summary, statements: h.statements })),
  ]
  const hot: HotSummary[] = []
  for (const g of groups) {
    let executionMs = 0
    const topNodes: string[] = []
    for (const [i, s] of g.statements.entries()) {
      const label = `${g.label} #${i + 1}${s.name ? ` (${s.name})` : ''}`
      const r = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values })
      const lines = r.rows.map((row: Record<string, string>) => row['QUERY PLAN']!)
      const exec = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN)
      const planning = Number(/Planning Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN)
      summary.push({ label, planningMs: planning, executionMs: exec, topNode: lines[0]?.trim() ?? '' })
      executionMs += exec
      topNodes.push(lines[0]?.trim().replace(/\s+\(cost=.*$/, '') ?? '')
      for (const t of seqScannedTables(lines)) if (big[t] !== undefined) findings.push({ label, table: t, rows: big[t]!, plan: 'custom' })
      let generic = ''
      if (s.name) {
        // The plan a prepared statement may switch to; it cannot run (no values), only be shown.
        try {
          const gr = await pool.query(`EXPLAIN (GENERIC_PLAN) ${s.text}`)
          const gl = gr.rows.map((row: Record<string, string>) => row['QUERY PLAN']!)
          for (const t of seqScannedTables(gl)) if (big[t] !== undefined) findings.push({ label, table: t, rows: big[t]!, plan: 'generic' })
          generic = `\n-- generic plan:\n${gl.join('\n')}\n`
        } catch (err) {
          generic = `\n-- generic plan: not available (${err instanceof Error ? err.message : String(err)})\n`
        }
      }
      parts.push(`-- ${label}\n-- params: ${JSON.stringify(s.values)}\n${s.text}\n\n${lines.join('\n')}\n${generic}`)
    }
    hot.push({ label: g.label, statements: g.statements.length, executionMs, appMs: g.appMs, detail: g.detail, topNodes })
  }
  return { text: parts.join('\n' + '-'.repeat(100) + '\n'), summary, findings, hot, bigTables: big }
}

/** The tables of the database with at least BIG_TABLE_ROWS rows (the planner's estimate after the seed's ANALYZE). */
async function bigTables(pool: pg.Pool): Promise<Record<string, number>> {
  const r = await pool.query<{ name: string; n: string }>(
    `SELECT relname AS name, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`,
    [BIG_TABLE_ROWS],
  )
  return Object.fromEntries(r.rows.map((x) => [x.name, Number(x.n)]))
}

export function sampleSql(captured: CaptureOutput): Results['sql'] {
  const out: Results['sql'] = { session: captured.session.waves.flat().map((s) => s.text) }
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const c = captured.cases.find((x) => x.kind === kind)
    if (c) out[kind] = c.waves.map((w) => w.map((s) => s.text))
  }
  for (const h of captured.hot ?? []) out[h.label] = h.statements.map((s) => s.text)
  return out
}

/** How many statements each kind of request sends, wave by wave. */
export function shapes(captured: CaptureOutput): string {
  const byKind = new Map<string, string>()
  for (const c of captured.cases) if (!byKind.has(c.kind)) byKind.set(c.kind, c.waves.map((w) => w.length).join('+'))
  const s = captured.session.waves.map((w) => w.length).join('+')
  const hot = (captured.hot ?? []).map((h) => `${h.label} ${h.statements.length}`).join(', ')
  return [...byKind].map(([k, v]) => `${k} ${v} statement(s) by wave`).join(', ') + `; session ${s}` + (hot ? `; ${hot}` : '')
}
