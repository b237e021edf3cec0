// The results of one run as data (results.json) and as markdown: the one table with the goals,
// then the details each number needs to be read (percentiles, CPU split, data sizes).
import type { ThroughputResult } from './load'
import { BIG_TABLE_ROWS, type HotSummary, type PlanFinding } from './plans'
import type { ProfileSummary } from './profile-summary'
import type { SeedReport } from './seed'

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number }
export type CpuUse = { wallSeconds: number; cores: Record<string, number | null>; machineBusyCores: number; otherCores: number | null }
export type ThroughputRow = ThroughputResult & {
  cpu: CpuUse
  /** Server-process and PostgreSQL CPU milliseconds per answered request. */
  cpuMsPerRequest: { server: number | null; postgres: number | null }
  /** req/s of each round. */
  rounds: number[]
}
type LatencyTargets = { app: Summary; bare: Summary; raw: Summary; rawWithSession: Summary }

export type Results = {
  date: string
  quick: boolean
  machine: { cpus: string; memory: string; node: string; loadAvgAtStart: number[]; loadAvgAtEnd: number[] }
  app: { commit: string; dirty: string[]; source: string; patches: string[]; buildSeconds: number }
  database: { kind: string; url: string; settings: Record<string, string> }
  seed: SeedReport
  options: { sample: number; reps: number; seconds: number; rounds: number; latencyBudgetSeconds: number; warmupSeconds: number; concurrency: number; lcpRuns: number }
  latency: { byKind: Record<'exact' | 'prefix' | 'banner', LatencyTargets>; cpu: CpuUse }
  throughput: { name: string; goal: boolean; app: ThroughputRow; bare: ThroughputRow }[]
  pages: {
    path: string
    runs: number
    lcp: Summary
    lcpElement: string | null
    ttfb: Summary
    fcp: Summary
    load: Summary
    js: {
      files: number
      rawBytes: number
      gzipBytes: number
      wireBytes: number
      encodings: string[]
      afterLoad: { files: number; gzipBytes: number }
      list: { file: string; raw: number; gzip: number; contains: string[] }[]
    }
  }[]
  plans: { label: string; planningMs: number; executionMs: number; topNode: string }[]
  hotReads: HotSummary[]
  planFindings: PlanFinding[]
  profiles: (ProfileSummary & { server: string })[]
  sql: Record<string, unknown>
  totalSeconds: number
}

export const GOALS = { latencyRatio: 1.5, throughputRatio: 0.5, lcpMs: 1000, jsGzipKb: 150 }

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const kb = (b: number) => (b / 1024).toFixed(1)
const n = (x: number) => x.toLocaleString('en-US')
const ok = (good: boolean) => (good ? '✅ met' : '❌ missed')

export function fmtCpu(c: CpuUse): string {
  const parts = Object.entries(c.cores)
    .filter(([, v]) => v !== null && v > 0.005)
    .map(([k, v]) => `${k} ${v!.toFixed(2)}`)
  return `${parts.join(', ')}; machine busy ${c.machineBusyCores.toFixed(2)}${c.otherCores === null ? '' : `, of which others ${c.otherCores.toFixed(2)}`}`
}

const KIND_LABEL = {
  exact: 'Order search, exact reference (`GET /api/orders?q=<8 digits>`)',
  prefix: 'Order search, prefix (`GET /api/orders?q=<4 digits>`, 3 at 10,000 merchants: ~10 matches)',
  banner: '`GET /api/connection-issues`',
} as const

export function renderReport(r: Results): string {
  const out: string[] = []
  const L = r.latency.byKind
  out.push(`| Measure | Ours | Baseline | Ratio | Goal | |`)
  out.push(`|---|---|---|---|---|---|`)
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const s = L[kind]
    const ratio = s.app.p95 / s.raw.p95
    out.push(
      `| ${KIND_LABEL[kind]}, p95 latency | ${ms(s.app.p95)} ms (p50 ${ms(s.app.p50)}) | same SQL raw via pg: ${ms(s.raw.p95)} ms (p50 ${ms(s.raw.p50)}) | **${ratio.toFixed(2)}×** | ≤ ${GOALS.latencyRatio}× | ${ok(ratio <= GOALS.latencyRatio)} |`,
    )
  }
  for (const t of r.throughput) {
    const ratio = t.app.rps / t.bare.rps
    out.push(
      `| ${t.name}, req/s with ${r.options.concurrency} clients | ${n(Math.round(t.app.rps))} | bare node:http + pg: ${n(Math.round(t.bare.rps))} | **${ratio.toFixed(2)}×** | ${t.goal ? `≥ ${GOALS.throughputRatio}× | ${ok(ratio >= GOALS.throughputRatio)}` : '(reference) | '} |`,
    )
  }
  for (const p of r.pages) {
    out.push(`| LCP of \`${p.path}\`, median (worst) of ${p.runs} cold loads | ${ms(p.lcp.p50)} ms (${ms(p.lcp.max)}) | | | ≤ ${GOALS.lcpMs} ms | ${ok(p.lcp.max <= GOALS.lcpMs)} |`)
    out.push(`| First-route JS of \`${p.path}\` | ${kb(p.js.gzipBytes)} kB gzip (${p.js.files} files, ${kb(p.js.rawBytes)} kB raw) | | | ≤ ${GOALS.jsGzipKb} kB | ${ok(p.js.gzipBytes / 1024 <= GOALS.jsGzipKb)} |`)
  }

  const f = r.planFindings
  out.push(
    `| Hot statements read by an index (no sequential scan of a table ≥ ${n(BIG_TABLE_ROWS)} rows) | ${f.length ? `${f.length} seq scan(s): ${f.map((x) => `${x.table} in ${x.label}`).join('; ')}` : `all ${r.hotReads.reduce((a, h) => a + h.statements, 0)} statements`} | | | none | ${ok(f.length === 0)} |`,
  )
  out.push('', renderHotReads(r.hotReads, f))

  out.push('', `Latency, one request at a time (${r.options.sample} merchants × up to ${r.options.reps} repetitions per query; n = requests per cell; ms):`, '')
  out.push(`| Query | n | app p50 / p95 / p99 | bare server p50 / p95 | raw SQL + session p50 / p95 | raw SQL p50 / p95 | app/raw p95 | app/bare p95 |`)
  out.push(`|---|---|---|---|---|---|---|---|`)
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const s = L[kind]
    out.push(
      `| ${kind} | ${s.app.n} | ${ms(s.app.p50)} / ${ms(s.app.p95)} / ${ms(s.app.p99)} | ${ms(s.bare.p50)} / ${ms(s.bare.p95)} | ${ms(s.rawWithSession.p50)} / ${ms(s.rawWithSession.p95)} | ${ms(s.raw.p50)} / ${ms(s.raw.p95)} | ${(s.app.p95 / s.raw.p95).toFixed(2)}× | ${(s.app.p95 / s.bare.p95).toFixed(2)}× |`,
    )
  }
  out.push('', `CPU during the latency phase (cores): ${fmtCpu(r.latency.cpu)}.`)

  if (r.throughput.length) {
    out.push('', `Throughput, ${r.options.concurrency} keep-alive clients, ${r.options.seconds} s per server in ${r.options.rounds} alternating round(s), each after ${r.options.warmupSeconds} s of warm-up:`, '')
    out.push(`| Query | server | req/s (per round) | p50 / p99 ms | errors | CPU ms per request: server / PostgreSQL | CPU during the runs (cores) |`)
    out.push(`|---|---|---|---|---|---|---|`)
    const cpuMs = (x: number | null) => (x === null ? '—' : ms(x))
    for (const t of r.throughput) {
      for (const [name, x] of [['app', t.app], ['bare', t.bare]] as const) {
        out.push(
          `| ${t.name} | ${name} | ${n(Math.round(x.rps))} (${x.rounds.join(', ')}) | ${ms(x.p50)} / ${ms(x.p99)} | ${x.errors} | ${cpuMs(x.cpuMsPerRequest.server)} / ${cpuMs(x.cpuMsPerRequest.postgres)} | ${fmtCpu(x.cpu)} |`,
        )
      }
    }
  }

  for (const p of r.pages) {
    out.push(
      '',
      `\`${p.path}\`: LCP p50 ${ms(p.lcp.p50)} ms, worst ${ms(p.lcp.max)} ms (element: ${p.lcpElement ?? '?'}); TTFB p50 ${ms(p.ttfb.p50)} ms; FCP p50 ${ms(p.fcp.p50)} ms; load p50 ${ms(p.load.p50)} ms. ` +
        `JS before load: ${p.js.files} files, ${kb(p.js.rawBytes)} kB raw, ${kb(p.js.gzipBytes)} kB gzip (served as ${p.js.encodings.join('/')}, ${kb(p.js.wireBytes)} kB on the wire); after load (prefetch): ${p.js.afterLoad.files} files, ${kb(p.js.afterLoad.gzipBytes)} kB gzip. ` +
        `Largest: ${p.js.list
          .slice(0, 6)
          .map((f) => `${kb(f.gzip)} kB${f.contains.length ? ` (${f.contains.join(', ')})` : ''}`)
          .join(', ')}.`,
    )
  }

  for (const p of r.profiles.filter((x) => x.busyMs > 1000)) {
    const pct = (v: number) => `${((v / p.busyMs) * 100).toFixed(0)}%`
    out.push('', `CPU profile of the ${p.server} server (${p.file}, whole run, ${(p.busyMs / 1000).toFixed(1)} s busy): ${p.byGroup.slice(0, 8).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}.`)
  }

  const s = r.seed
  out.push(
    '',
    `Data: ${n(s.rows.Merchant ?? 0)} merchants, ${n(s.rows.User ?? 0)} users, ${n(s.rows.Order ?? 0)} orders, ${n(s.rows.OrderLine ?? 0)} lines, ${n(s.rows.OrderAddress ?? 0)} addresses, ` +
      `${n(s.rows.SyncTask ?? 0)} sync tasks, ${n(s.rows.SyncAttempt ?? 0)} attempts (${n(s.sync.failedAttempts ?? 0)} failed, ${n(s.sync.failedAttemptsLast7Days ?? 0)} in the last 7 days), ${n(s.rows.SyncIssue ?? 0)} issues (${n(s.sync.activeIssues ?? 0)} active); ` +
      `database ${(s.databaseBytes / 1024 ** 3).toFixed(2)} GB; seeded in ${(s.totalMs / 1000).toFixed(0)} s.`,
    `Machine: ${r.machine.cpus}, ${r.machine.memory}, Node ${r.machine.node}; load average ${r.machine.loadAvgAtStart.join(' / ')} at start, ${r.machine.loadAvgAtEnd.join(' / ')} at end. ` +
      `PostgreSQL ${r.database.settings.server_version ?? '?'} (${r.database.kind}). App: ${r.app.source} at ${r.app.commit.slice(0, 10)}${r.app.dirty.length ? ` + ${r.app.dirty.length} uncommitted files` : ''}${r.app.patches.length ? `, patched with ${r.app.patches.join(', ')}` : ''}; next build ${r.app.buildSeconds} s. Run: ${Math.round(r.totalSeconds / 60)} min.`,
  )
  return out.join('\n')
}

/** Every hot read's statements and plans: EXPLAIN ANALYZE time (one merchant, warm) and the app's own in-process time. */
export function renderHotReads(hot: HotSummary[], findings: PlanFinding[]): string {
  const out: string[] = []
  out.push(`Hot statements, EXPLAIN ANALYZE for one merchant (plans.txt); app = the lib call in-process, median of 5 warm runs (SQL + mapping, no HTTP):`, '')
  out.push(`| Read | statements | EXPLAIN execution ms (sum) | app ms | plan top nodes | seq scan of a big table |`)
  out.push(`|---|---|---|---|---|---|`)
  for (const h of hot) {
    const bad = findings.filter((x) => x.label.startsWith(`${h.label} #`))
    out.push(
      `| ${h.label}${h.detail ? ` (${h.detail})` : ''} | ${h.statements} | ${ms(h.executionMs)} | ${h.appMs === null ? '—' : ms(h.appMs)} | ${h.topNodes.map((t) => t.replace(/\|/g, '/')).join('; ')} | ${bad.length ? `❌ ${bad.map((x) => `${x.table} (${x.plan})`).join(', ')}` : 'none'} |`,
    )
  }
  return out.join('\n')
}
