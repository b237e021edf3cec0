// The results table printed at the end of `npm run bench:sync`.
import { cpus } from 'node:os'
import { LIMIT, LIMIT_PER_SECOND } from './analyse'
import { recoveryCell } from './recovery-report'
import type { ScenarioResult } from './scenario'

const pct = (x: number) => `${(x * 100).toFixed(2)} %`
const num = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

/** Tasks that ran to an end: CPU is divided by these, not by tasks still queued at a deadline. */
const finished = (r: ScenarioResult) => r.tasks - r.unfinished
const perTask = (cpuSeconds: number | null, r: ScenarioResult) => (cpuSeconds === null ? '?' : ((cpuSeconds * 1000) / finished(r)).toFixed(1))

/**
 * What the machine could drain if the benchmark had every core to itself: cores ÷ CPU per task.
 * Only meaningful with the embedded PostgreSQL (its CPU is measured) and requests ≈ 2 per task.
 */
function ceiling(r: ScenarioResult): string {
  const { workers, postgres, sandbox } = r.cpu
  if (postgres === null || sandbox === null) return '?'
  const tasksPerSecond = cpus().length / ((workers + postgres + sandbox) / finished(r))
  const requestsPerTask = r.requests / finished(r)
  return `${tasksPerSecond.toFixed(0)} (${((tasksPerSecond * requestsPerTask) / (r.options.merchants * LIMIT_PER_SECOND)).toFixed(2)})`
}

function rows(r: ScenarioResult): Record<string, string> {
  const o = r.options
  const ratios = r.tokens.map((t) => t.ratio)
  const mean = ratios.reduce((a, b) => a + b, 0) / (ratios.length || 1)
  // A cancelled job is a dead worker's, ended by the lease sweep (lib/sync/sweep-expired-leases.ts).
  const jobsLeft = r.jobs.filter((j) => !j.state.startsWith('archived') && j.state !== 'completed' && j.state !== 'cancelled')
  return {
    updates: `${num(r.tasks)} (${o.merchants} × ${o.ordersPerMerchant})`,
    workers: `${o.workers} × ${o.concurrency}${r.workersStarted > o.workers ? ` (${r.workersStarted} started)` : ''}`,
    drain: `${num(r.drainSeconds, 1)} s`,
    tasksPerSecond: num(r.tasksPerSecond, 1),
    requests: `${num(r.requests)} (${num(r.byKind.accept ?? 0)} POST, ${num(r.byKind.readOrder ?? 0)} GET order, ${num(r.byKind.importList ?? 0)} GET list)`,
    ratio: `${mean.toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
    maxWindow: `${Math.max(...r.tokens.map((t) => t.maxIn10s))} (sync calls alone ${Math.max(...r.tokens.map((t) => t.maxIn10sLimited))})`,
    share429: `${pct(r.requests ? r.r429 / r.requests : 0)} (${num(r.r429)})`,
    lateSlots: num(r.lateSlots),
    rss: `${r.memory.peakMb} / ${r.memory.meanMb} MB`,
    cpu: `${r.cpu.machineBusyCores.toFixed(2)} of ${cpus().length} cores busy, load ${r.cpu.loadAvg.toFixed(1)}`,
    cpuPerTask: `workers ${perTask(r.cpu.workers, r)} + PG ${perTask(r.cpu.postgres, r)} + sandbox ${perTask(r.cpu.sandbox, r)} ms`,
    ceiling: ceiling(r),
    duplicates: `${r.check.duplicates.length}`,
    lost: `${r.check.lost.length}`,
    inconsistent: `${r.check.inconsistent.length}`,
    unfinished: r.options.stopAfterMs === undefined ? `${r.unfinished}` : `${num(r.unfinished)} (left queued: measured for ${r.options.stopAfterMs / 1000} s)`,
    dead: `${r.check.dead.length}`,
    attempts: `${r.attempts.mean.toFixed(2)} / ${r.attempts.p95} / ${r.attempts.max}`,
    kills: r.options.kills ? `${r.kills.length} kills${Number.isFinite(r.options.kills.forMs) ? ` in the first ${r.options.kills.forMs / 1000} s` : ''}; ${r.tasksRerunAfterKill} tasks re-run (${r.interruptedClaims} runs cut short)` : '—',
    wedge: r.wedge.samples ? `${num(r.wedge.seconds, 0)} s (max ${r.wedge.maxBlocked} jobs blocked; ${r.wedge.blockedAtEnd} at the end)` : r.wedge.maxBlocked ? `0 s (max ${r.wedge.maxBlocked} jobs blocked)` : '0 s',
    recovery: r.recovery ? recoveryCell(r.recovery) : '—',
    tail: r.tailAfterLastKillSeconds === null ? '—' : `${num(r.tailAfterLastKillSeconds, 1)} s`,
    jobsLeft: jobsLeft.length ? jobsLeft.map((j) => `${j.state} ${j.jobs}`).join(', ') : '0',
    redelivered: `${r.jobs.reduce((a, j) => a + j.redelivered, 0)}`,
  }
}

const LABELS: [keyof ReturnType<typeof rows>, string, string][] = [
  ['updates', 'updates (merchants × orders)', ''],
  ['workers', 'worker processes × SYNC_CONCURRENCY', ''],
  ['drain', 'time to drain the queue', ''],
  ['tasksPerSecond', 'tasks / s', ''],
  ['requests', 'requests Back Market received', ''],
  ['ratio', 'throughput ÷ limit per token, mean (min–max)', '≥ 0.95'],
  ['maxWindow', `max requests in any 10 s, one token`, `≤ ${LIMIT.requests}`],
  ['share429', '429 answers among /ws requests', '≤ 1 %'],
  ['lateSlots', 'slots given up: worker woke > lateMs late', ''],
  ['rss', 'worker RSS peak / mean', ''],
  ['cpu', 'machine while draining (all tenants)', ''],
  ['cpuPerTask', 'CPU per task', ''],
  ['ceiling', `ceiling if ours alone: tasks/s (÷ limit)`, ''],
  ['duplicates', 'accepts sent again after applied', '0'],
  ['lost', 'lines not accepted, task not dead', '0'],
  ['inconsistent', 'line state ≠ log of 200 answers', '0'],
  ['unfinished', 'tasks still queued/sent at the end', '0'],
  ['dead', 'dead letters', ''],
  ['attempts', 'attempts per task mean / p95 / max', ''],
  ['kills', 'SIGKILLs; recovery', ''],
  ['recovery', "a killed worker's SENT task: kill → next claim", '≤ 15 s'],
  ['tail', 'last kill → last task finished', ''],
  ['wedge', 'queue wedged (blocked job at its head)', ''],
  ['redelivered', 'pg-boss jobs re-delivered (retry_count > 0)', ''],
  ['jobsLeft', 'pg-boss sync jobs left (not completed)', ''],
]

export function resultsTable(results: ScenarioResult[]): string {
  const cols = results.map(rows)
  const out: string[][] = [['metric', ...results.map((r) => r.options.name), 'goal']]
  for (const [key, label, goal] of LABELS) out.push([label, ...cols.map((c) => c[key] ?? ''), goal])
  const widths = out[0]!.map((_, i) => Math.max(...out.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(out[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...out.slice(1).map(line)].join('\n')
}

export function perTokenTable(r: ScenarioResult): string {
  const head = ['token', 'requests', 'of which list', 'busy s', 'idle s', 'req/s', 'ratio', 'max 10 s', 'sync only', '429']
  const body = r.tokens.map((t) => [
    t.token,
    String(t.requests),
    String(t.byKind.importList),
    t.busySeconds.toFixed(1),
    t.idleSeconds.toFixed(1),
    t.perSecond.toFixed(2),
    t.ratio.toFixed(3),
    String(t.maxIn10s),
    String(t.maxIn10sLimited),
    String(t.r429),
  ])
  const all = [head, ...body]
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)))
  return all.map((row) => row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n')
}

export function deadLetters(r: ScenarioResult): string {
  if (!r.check.dead.length) return 'none'
  return r.check.dead.map((d) => `  order ${d.reference} (${d.sku}): POSTs ${d.posts}, applied ${d.applied}, line state on Back Market ${d.finalState}`).join('\n')
}

export function failures(r: ScenarioResult): string[] {
  const out: string[] = []
  const show = (label: string, list: { reference: string; posts: number; applied: number; resentAfterApplied: number; finalState: number | null; taskStatus: string }[]) => {
    if (!list.length) return
    out.push(`${r.options.name}: ${list.length} ${label}`)
    for (const v of list.slice(0, 10)) out.push(`  order ${v.reference}: task ${v.taskStatus}, POSTs ${v.posts}, applied ${v.applied}, re-sent after applied ${v.resentAfterApplied}, final line state ${v.finalState}`)
  }
  show('duplicate accepts', r.check.duplicates)
  show('lost updates', r.check.lost)
  show('inconsistent lines', r.check.inconsistent)
  if (r.unfinished && r.options.stopAfterMs === undefined) out.push(`${r.options.name}: ${r.unfinished} tasks unfinished at the deadline`)
  return out
}
