// One benchmark scenario from start to finish: a fresh database and sandbox, the seed, K worker
// processes draining the queue (with faults and SIGKILLs in the fault run), then the verdict read
// from the sandbox's request log and final state, and from our database.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { checkExactlyOnce, LIMIT, percentile, tokenThroughput, type ExactlyOnce, type LineToCheck, type LoggedRequest, type TokenThroughput } from './analyse'
import { BenchDb, type StatusCounts } from './bench-db'
import { cpuSeconds, embeddedPostgresCpuSeconds, machineCpuSeconds } from '../lib/proc-stats'
import { runTsForJson, stackEnv } from '../lib/procs'
import { installTaskEventLog, readTaskEvents, recoveryWaits, type RecoveryResult } from './recovery'
import type { SeedResult } from './seed'
import { startSandboxProcess, type DatabaseServer } from './stack'
import { WorkerPool, type MemoryStats } from './workers'

export type ScenarioOptions = {
  name: 'throughput' | 'backlog' | 'faults'
  merchants: number
  ordersPerMerchant: number
  workers: number
  concurrency: number
  faults: Record<string, number> | null
  /** BACKMARKET_TIMEOUT_MS for the workers; unset = the app's default. */
  timeoutMs: number | null
  /**
   * SIGKILL a random worker every min–max ms (and start a replacement) while tasks remain, for the
   * first `forMs` of the run (Infinity: until every task is finished).
   */
  kills: { minMs: number; maxMs: number; forMs: number } | null
  /** Give up waiting after this long: whatever is unfinished then is reported as such. */
  deadlineMs: number
  /**
   * Measure for this long, then stop by design (the backlog scenario's --backlog-seconds): the
   * queue stays deep throughout, and the tasks left queued are expected, not a failure.
   */
  stopAfterMs?: number
}

export type ScenarioResult = {
  options: ScenarioOptions
  tasks: number
  seedMs: Record<string, number>
  /** From the first worker's start to the last task finished. */
  drainSeconds: number
  tasksPerSecond: number
  statuses: StatusCounts
  unfinished: number
  tokens: TokenThroughput[]
  requests: number
  r429: number
  byStatus: Record<string, number>
  byKind: Record<string, number>
  memory: MemoryStats
  workersStarted: number
  kills: { atSeconds: number; worker: string }[]
  crashes: string[]
  attempts: { mean: number; p50: number; p95: number; max: number; histogram: Record<number, number> }
  /** Claims (attempt numbers) that ended in no recorded outcome: runs cut short by a SIGKILL. */
  interruptedClaims: number
  tasksRerunAfterKill: number
  jobs: { state: string; jobs: number; redelivered: number }[]
  /** Tasks that got more than one pg-boss job, and how many extra jobs in all. */
  extraJobs: { tasks: number; jobs: number; examples: unknown[] }
  check: ExactlyOnce
  /** Progress samples where a fetch could take nothing: a blocked job among the first the fetch takes. */
  wedge: { seconds: number; samples: number; maxBlocked: number; blockedAtEnd: number }
  /** Seconds from the last SIGKILL to the last task finished. */
  tailAfterLastKillSeconds: number | null
  /**
   * Where the CPU went while the queue drained (seconds of CPU; `machineBusyCores` is the whole
   * machine, other tenants included, out of its core count; `loadAvg` the mean 1-min load).
   */
  cpu: { machineBusyCores: number; workers: number; sandbox: number | null; postgres: number | null; loadAvg: number }
  /** Slots the limiter gave up because a worker woke too late for them (lib/sync/rate-limiter.ts lateMs), from the workers' logs. */
  lateSlots: number
  /** Fault run: how long the killed workers' SENT tasks waited for their next claim (recovery.ts). */
  recovery: RecoveryResult | null
}

/** The rate limiter's warning, one line per slot given up. */
const LATE_SLOT = 'woke too late for the slot'

function countLateSlots(logFiles: string[]): number {
  let n = 0
  for (const f of logFiles) {
    try {
      n += readFileSync(f, 'utf8').split(LATE_SLOT).length - 1
    } catch {
      // no log: the worker never wrote one
    }
  }
  return n
}

type SandboxOrder = { order_id: number; orderlines: { listing: string; state: number }[] }

/** How many jobs one fetch takes from the head of the queue: a busy worker fetches per freed slot (lib/sync/job-slots.ts). */
const FETCH_BATCH = 1

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function runScenario(o: ScenarioOptions, dbServer: DatabaseServer, logDir: string, log: (s: string) => void): Promise<ScenarioResult> {
  const runId = randomBytes(3).toString('hex')
  const dbName = `bm_bench_${o.name}_${runId}`
  const databaseUrl = await dbServer.fresh(dbName)
  const sandbox = await startSandboxProcess(`${o.name}-sandbox`, logDir)
  const bench = new BenchDb(databaseUrl)
  const env: NodeJS.ProcessEnv = {
    ...stackEnv({ databaseUrl, backMarketUrl: sandbox.url }),
    ...(o.timeoutMs ? { BACKMARKET_TIMEOUT_MS: String(o.timeoutMs) } : {}),
  }
  const pool = new WorkerPool({ env, logDir, concurrency: o.concurrency, label: o.name })
  try {
    log(`seeding ${o.merchants} merchants × ${o.ordersPerMerchant} orders…`)
    const seedParams = { merchants: o.merchants, ordersPerMerchant: o.ordersPerMerchant, prefix: `bench-${o.name}-${runId}`, sandboxUrl: sandbox.url }
    const seed = await runTsForJson<SeedResult>(`${o.name}-seed`, 'bench/sync/seed.ts', { ...env, BENCH_SEED: JSON.stringify(seedParams) }, logDir)
    log(`seeded ${seed.tasks} tasks in ${fmtMs(Object.values(seed.ms).reduce((a, b) => a + b, 0))} (${Object.entries(seed.ms).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')})`)
    if (o.faults) await sandbox.control.setFaults(o.faults)
    if (o.kills) await installTaskEventLog(databaseUrl)

    const cpu0 = { machine: machineCpuSeconds(), sandbox: cpuSeconds(sandbox.proc.pid), postgres: embeddedPostgresCpuSeconds() }
    const loads: number[] = []
    const startedMs = Date.now()
    pool.start(o.workers)
    log(`${o.workers} workers × SYNC_CONCURRENCY ${o.concurrency} started${o.faults ? `; faults ${JSON.stringify(o.faults)}` : ''}`)
    const kills: ScenarioResult['kills'] = []
    const crashes: string[] = []
    const killed = new Set<string>()
    let stopping = false
    // A worker that dies without being killed by us is a crash: noted, and replaced.
    const watch = (p: (typeof pool.workers)[number]) =>
      void p.exited.then(({ code, signal }) => {
        if (stopping || killed.has(p.name)) return
        crashes.push(`${p.name} exited (${signal ?? code})`)
        watch(pool.add())
      })
    pool.workers.forEach(watch)
    const nextKill = () => (o.kills ? Date.now() + o.kills.minMs + Math.random() * (o.kills.maxMs - o.kills.minMs) : Infinity)
    let killAt = nextKill()
    let counts: StatusCounts = {}
    let lastPrint = 0
    const wedge = { seconds: 0, samples: 0, maxBlocked: 0, blockedAtEnd: 0 }
    for (;;) {
      counts = await bench.statusCounts()
      const remaining = (counts.QUEUED ?? 0) + (counts.SENT ?? 0)
      const now = Date.now()
      if (now - lastPrint >= 5_000 || remaining === 0) {
        const interval = lastPrint ? (now - lastPrint) / 1000 : 0
        lastPrint = now
        loads.push(loadavg()[0]!)
        const mem = pool.memory()
        const blocked = await bench.blockedJobs(FETCH_BATCH)
        wedge.maxBlocked = Math.max(wedge.maxBlocked, blocked.blocked)
        if (blocked.head) {
          wedge.samples++
          wedge.seconds += interval
        }
        const jam = blocked.blocked ? ` | jobs blocked by an orphan ${blocked.blocked}${blocked.head ? ' (queue head: fetches get nothing)' : ''}` : ''
        log(`${((now - startedMs) / 1000).toFixed(0).padStart(4)} s  ${Object.entries(counts).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(' · ')}  | workers ${pool.live().length}${o.kills ? `, kills ${kills.length}` : ''} | rss peak ${mem.peakMb} MB${jam}`)
      }
      if (remaining === 0) break
      if (o.stopAfterMs !== undefined && now - startedMs > o.stopAfterMs) {
        log(`measured for ${o.stopAfterMs / 1000} s as asked; ${remaining} tasks left queued`)
        break
      }
      if (now - startedMs > o.deadlineMs) {
        log(`deadline of ${o.deadlineMs / 1000} s reached with ${remaining} tasks unfinished`)
        break
      }
      if (now >= killAt && o.kills && now - startedMs < o.kills.forMs) {
        const before = new Set(pool.workers.map((w) => w.name))
        const victim = pool.killRandomAndReplace()
        if (victim) {
          killed.add(victim)
          // The kill's own time (`now` was read before this iteration's queries): recovery.ts counts from it.
          kills.push({ atSeconds: (Date.now() - startedMs) / 1000, worker: victim })
          pool.workers.filter((w) => !before.has(w.name)).forEach(watch)
        }
        killAt = nextKill()
      }
      await sleep(500)
    }
    const loopEndedMs = Date.now()
    stopping = true
    wedge.blockedAtEnd = (await bench.blockedJobs(FETCH_BATCH)).blocked
    const machine1 = machineCpuSeconds()
    const cpu = {
      machineBusyCores: ((machine1.busy - cpu0.machine.busy) / (machine1.total - cpu0.machine.total)) * cpus().length,
      workers: 0,
      sandbox: delta(cpuSeconds(sandbox.proc.pid), cpu0.sandbox),
      postgres: delta(embeddedPostgresCpuSeconds(), cpu0.postgres),
      loadAvg: loads.reduce((a, b) => a + b, 0) / (loads.length || 1),
    }
    await pool.stop()
    cpu.workers = pool.memory().cpuSeconds
    await sandbox.control.clearFaults()

    // The verdict.
    const tasks = await bench.tasks()
    const tokenOf = new Map(seed.merchants.map((m) => [m.id, m.token]))
    const entriesByToken = new Map<string, LoggedRequest[]>()
    const finalStates = new Map<string, number>()
    for (const m of seed.merchants) {
      entriesByToken.set(m.token, (await sandbox.control.requests(m.token)) as LoggedRequest[])
      const state = (await sandbox.control.state(m.token)) as unknown as { orders: SandboxOrder[] }
      for (const order of state.orders) for (const l of order.orderlines) finalStates.set(`${m.token} ${order.order_id} ${l.listing}`, l.state)
    }
    const lines: LineToCheck[] = tasks.map((t) => {
      const token = tokenOf.get(t.merchantId)!
      return { token, reference: t.reference, sku: t.sku, taskStatus: t.status, failureKind: t.failureKind, finalState: finalStates.get(`${token} ${t.reference} ${t.sku}`) ?? null }
    })
    const check = checkExactlyOnce(lines, entriesByToken)

    const all = [...entriesByToken.values()].flat().filter((e) => Date.parse(e.at) >= startedMs)
    const tokens = seed.merchants.map((m) => tokenThroughput(m.token, entriesByToken.get(m.token)!, startedMs))
    const byStatus: Record<string, number> = {}
    for (const e of all) byStatus[String(e.status ?? 'none (held)')] = (byStatus[String(e.status ?? 'none (held)')] ?? 0) + 1
    const byKind: Record<string, number> = {}
    for (const t of tokens) for (const [k, v] of Object.entries(t.byKind)) byKind[k] = (byKind[k] ?? 0) + v

    const lastFinishedMs = Math.max(...tasks.map((t) => t.finishedMs ?? 0))
    // Given up at the deadline: the drain lasted until then, whatever finished last.
    const drainSeconds = ((counts.QUEUED ?? 0) + (counts.SENT ?? 0) ? loopEndedMs - startedMs : lastFinishedMs - startedMs) / 1000
    const attemptsSorted = tasks.map((t) => t.attempts).sort((a, b) => a - b)
    const histogram: Record<number, number> = {}
    for (const a of attemptsSorted) histogram[a] = (histogram[a] ?? 0) + 1
    const failedClaims = await bench.failedClaims()
    let interruptedClaims = 0
    let tasksRerunAfterKill = 0
    for (const t of tasks) {
      // Every claim before the last one either recorded the failure that made it retry, or was cut short.
      let cut = 0
      for (let n = 1; n < t.attempts; n++) if (!failedClaims.get(t.id)?.has(n)) cut++
      interruptedClaims += cut
      if (cut) tasksRerunAfterKill++
    }
    const lastKill = kills.at(-1)
    return {
      options: o,
      tasks: tasks.length,
      seedMs: seed.ms,
      drainSeconds,
      tasksPerSecond: (tasks.length - (counts.QUEUED ?? 0) - (counts.SENT ?? 0)) / drainSeconds,
      statuses: counts,
      unfinished: (counts.QUEUED ?? 0) + (counts.SENT ?? 0),
      tokens,
      requests: all.length,
      r429: all.filter((e) => e.status === 429).length,
      byStatus,
      byKind,
      memory: pool.memory(),
      workersStarted: pool.startedCount,
      kills,
      crashes,
      attempts: {
        mean: attemptsSorted.reduce((a, b) => a + b, 0) / (attemptsSorted.length || 1),
        p50: percentile(attemptsSorted, 50),
        p95: percentile(attemptsSorted, 95),
        max: attemptsSorted.at(-1) ?? 0,
        histogram,
      },
      interruptedClaims,
      tasksRerunAfterKill,
      jobs: await bench.syncJobs(),
      extraJobs: await bench.extraJobs(startedMs),
      check,
      wedge,
      // Only when everything finished: otherwise the drain "ended" at the deadline, not at recovery.
      tailAfterLastKillSeconds: lastKill && !((counts.QUEUED ?? 0) + (counts.SENT ?? 0)) ? drainSeconds - lastKill.atSeconds : null,
      cpu,
      lateSlots: countLateSlots(pool.workers.map((w) => w.logFile)),
      recovery: o.kills ? recoveryWaits(await readTaskEvents(databaseUrl), kills.map((k) => ({ worker: k.worker, atMs: startedMs + k.atSeconds * 1000 }))) : null,
    }
  } finally {
    await pool.stop(5_000)
    await bench.end().catch(() => {})
    await sandbox.stop()
    await dbServer.drop(dbName).catch(() => {})
  }
}

function delta(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 10) / 10
}

export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
}

export { LIMIT }
