// What PostgreSQL does with the captured SQL: EXPLAIN ANALYZE of every statement for one
// merchant, and the SQL itself, for the report.
import type pg from 'pg'
import type { CaptureOutput, Statement } from './cases'
import type { Results } from './report'

export async function explainAll(pool: pg.Pool, captured: CaptureOutput): Promise<{ text: string; summary: Results['plans'] }> {
  const parts: string[] = []
  const summary: Results['plans'] = []
  // One merchant's three cases (the first sampled), plus the session lookup.
  const first = captured.cases.slice(0, 3)
  const jobs: { label: string; s: Statement }[] = [
    ...captured.session.statements.map((s, i) => ({ label: `session #${i + 1}`, s })),
    ...first.flatMap((c) => c.statements.map((s, i) => ({ label: `${c.key} #${i + 1}`, s }))),
  ]
  for (const { label, s } of jobs) {
    const r = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values })
    const lines = r.rows.map((row: Record<string, string>) => row['QUERY PLAN'])
    const exec = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN)
    const planning = Number(/Planning Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN)
    summary.push({ label, planningMs: planning, executionMs: exec, topNode: lines[0]?.trim() ?? '' })
    parts.push(`-- ${label}\n-- params: ${JSON.stringify(s.values)}\n${s.text}\n\n${lines.join('\n')}\n`)
  }
  return { text: parts.join('\n' + '-'.repeat(100) + '\n'), summary }
}

export function sampleSql(captured: CaptureOutput): Results['sql'] {
  const out: Results['sql'] = { session: captured.session.waves.flat().map((s) => s.text) }
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const c = captured.cases.find((x) => x.kind === kind)
    if (c) out[kind] = c.waves.map((w) => w.map((s) => s.text))
  }
  return out
}

/** How many statements each kind of request sends, wave by wave. */
export function shapes(captured: CaptureOutput): string {
  const byKind = new Map<string, string>()
  for (const c of captured.cases) if (!byKind.has(c.kind)) byKind.set(c.kind, c.waves.map((w) => w.length).join('+'))
  const s = captured.session.waves.map((w) => w.length).join('+')
  return [...byKind].map(([k, v]) => `${k} ${v} statement(s) by wave`).join(', ') + `; session ${s}`
}
