// The three runs of bench:events, one function each: ingest throughput (app vs bare server, same
// events, same clients), the crash run (next-server and a worker SIGKILLed while events pour in,
// then every acknowledged event checked applied exactly once), and the stock run (levels of 2,000
// SKUs to the sandbox under Back Market's SKU-line limit).
import { maxInWindow } from '../sync/analyse'
import type { RunningSandbox } from '../sync/stack'
import type { WorkerPool } from '../sync/workers'
import { treeCpuSeconds } from '../lib/proc-stats'
import { killGroup, stopProc, type Env, type Proc } from '../lib/procs'
import { batches, latestLevels, mixedEvents, shuffledLevels } from './event-mix'
import type { EventsDb, ExactlyOnce } from './events-db'
import { sendAll, type LoadResult } from './load'
import type { SeedResult } from './seed'
import { startApp, startBare, type AppOptions } from './servers'

export type BenchContext = {
  say: (msg: string) => void
  logDir: string
  appEnv: Env
  databaseUrl: string
  db: EventsDb
  seed: SeedResult
  sandbox: RunningSandbox
  app: { proc: Proc; port: number }
  /** How the app is started, again after the crash run's SIGKILL. */
  appOptions: AppOptions
  /** Node flags of the bare server (--cpu-prof). */
  bareFlags: string[]
  opts: { events: number; crashEvents: number; killWorker: boolean; stockEvents: number; clients: number; batch: number; skuWindowMs: number; drainTimeoutMs: number }
}

const T0 = Date.parse('2026-12-01T08:00:00Z')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The flow merchants with the first or second half of their orders: the throughput run moves one half, the crash run the other. */
const half = (ctx: BenchContext, which: 0 | 1) =>
  ctx.seed.flow.map((m) => {
    const mid = Math.floor(m.references.length / 2)
    return { ...m, references: which === 0 ? m.references.slice(0, mid) : m.references.slice(mid) }
  })

/** CPU milliseconds a server's process tree used per batch while it was measured. */
export type CpuPerBatch = { app: number; bare: number }

export type ThroughputResult = { bare: LoadResult; app: LoadResult; ratio: number; cpuMsPerBatch: CpuPerBatch; mix: Omit<ReturnType<typeof mixedEvents>, 'events'> }

/** Runs `fn` and gives the CPU milliseconds `proc`'s tree used meanwhile, per request it sent. */
async function withCpu(proc: Proc, fn: () => Promise<LoadResult>): Promise<{ run: LoadResult; cpuMsPerBatch: number }> {
  const before = treeCpuSeconds(proc.pid)
  const run = await fn()
  return { run, cpuMsPerBatch: ((treeCpuSeconds(proc.pid) - before) * 1000) / run.requests }
}

export async function throughputRun(ctx: BenchContext): Promise<ThroughputResult> {
  const { events, ...mix } = mixedEvents({ prefix: 'tp', merchants: half(ctx, 0), total: ctx.opts.events, parkedShare: 0.02, seed: 1, t0: T0 })
  const warm = (prefix: string) =>
    batches(shuffledLevels({ prefix, merchantId: ctx.seed.flow[0]!.id, skus: ctx.seed.flow[0]!.levelSkus, total: 20 * ctx.opts.batch, seed: 9, t0: T0 - 86_400_000 }), ctx.opts.batch)
  const load = { concurrency: ctx.opts.clients }

  const bare = await startBare(ctx.databaseUrl, ctx.logDir, ctx.bareFlags)
  await sendAll(warm('warmbare'), { ...load, port: bare.port, key: null })
  const { run: bareRun, cpuMsPerBatch: bareCpu } = await withCpu(bare.proc, () =>
    sendAll(batches(events.map((e) => ({ ...e, id: `bare-${e.id}` })), ctx.opts.batch), { ...load, port: bare.port, key: null }),
  )
  await stopProc(bare.proc, 5_000)
  // The baseline's rows go: the worker must not apply them, and the app starts from the same table size.
  const removed = (await ctx.db.deleteEvents('bare-tp')) + (await ctx.db.deleteEvents('warmbare'))
  ctx.say(`bare server: ${fmtRate(bareRun)}; its ${removed} rows removed`)

  await sendAll(warm('warmapp'), { ...load, port: ctx.app.port, key: ctx.seed.key })
  const { run: appRun, cpuMsPerBatch: appCpu } = await withCpu(ctx.app.proc, () => sendAll(batches(events, ctx.opts.batch), { ...load, port: ctx.app.port, key: ctx.seed.key }))
  // The app's rows go too: this run measures the ingest; the crash run measures applying them.
  const appRemoved = (await ctx.db.deleteEvents('tp')) + (await ctx.db.deleteEvents('warmapp'))
  ctx.say(`app: ${fmtRate(appRun)}; its ${appRemoved} rows removed`)
  const cpuMsPerBatch = { app: appCpu, bare: bareCpu }
  ctx.say(`CPU per batch of ${ctx.opts.batch}: app ${appCpu.toFixed(1)} ms, bare ${bareCpu.toFixed(1)} ms`)
  return { bare: bareRun, app: appRun, ratio: appRun.eventsPerSecond / bareRun.eventsPerSecond, cpuMsPerBatch, mix }
}

export type CrashResult = {
  load: LoadResult
  appKilledAtBatch: number
  appDownSeconds: number
  workerKilled: string | null
  drain: { seconds: number; events: number; eventsPerSecond: number; finished: boolean }
  check: ExactlyOnce
}

export async function crashRun(ctx: BenchContext, workers: WorkerPool): Promise<CrashResult> {
  const { events } = mixedEvents({ prefix: 'kill', merchants: half(ctx, 1), total: ctx.opts.crashEvents, parkedShare: 0.02, seed: 2, t0: T0 + 86_400_000 })
  const drainStart = Date.now()
  workers.start(1)
  let killedAt = 0
  let downSeconds = 0
  let workerKilled: string | null = null
  let restarting: Promise<void> | undefined
  const list = batches(events, ctx.opts.batch)
  const load = await sendAll(list, {
    port: ctx.app.port,
    key: ctx.seed.key,
    concurrency: ctx.opts.clients,
    onProgress: (done, total) => {
      if (!killedAt && done >= total * 0.35) {
        killedAt = done
        const down = Date.now()
        killGroup(ctx.app.proc, 'SIGKILL')
        ctx.say(`SIGKILL next start + next-server after ${done}/${total} batches acknowledged`)
        restarting = (async () => {
          await ctx.app.proc.exited
          ctx.app = await startApp(ctx.appEnv, ctx.logDir, ctx.appOptions, ctx.app.port)
          downSeconds = (Date.now() - down) / 1000
          ctx.say(`app back on port ${ctx.app.port} after ${downSeconds.toFixed(1)} s`)
        })()
      }
      if (ctx.opts.killWorker && !workerKilled && done >= total * 0.65) {
        workerKilled = workers.killRandomAndReplace()
        ctx.say(`SIGKILL worker ${workerKilled} (replaced)`)
      }
    },
  })
  await restarting
  ctx.say(`crash run sent: ${fmtRate(load)}; statuses ${JSON.stringify(load.statuses)}`)

  let pending = await ctx.db.pending()
  while (pending > 0 && Date.now() - drainStart < ctx.opts.drainTimeoutMs) {
    await sleep(5_000)
    pending = await ctx.db.pending()
    ctx.say(`waiting for the worker: ${pending} events pending`)
  }
  const drainSeconds = (Date.now() - drainStart) / 1000
  const flowIds = ctx.seed.flow.map((m) => m.id)
  const check: ExactlyOnce = {
    lost: await ctx.db.lost(load.acked),
    pending,
    states: {},
    adjustments: await ctx.db.adjustments(flowIds, ctx.seed.flow[0]!.initialQuantity),
    orders: await ctx.db.orders(flowIds),
  }
  check.states = await ctx.db.states('kill')
  const drained = load.events
  return {
    load,
    appKilledAtBatch: killedAt,
    appDownSeconds: downSeconds,
    workerKilled,
    drain: { seconds: drainSeconds, events: drained, eventsPerSecond: drained / drainSeconds, finished: pending === 0 },
    check,
  }
}

export type StockResult = {
  load: LoadResult
  seconds: number
  finished: boolean
  skus: number
  listingUpdates: number
  updates429: number
  maxLinesInWindow: number
  windowMs: number
  dbMismatches: number
  backMarketMismatches: number
  tasks: Record<string, number>
}

type SandboxListing = { sku: string; quantity: number }

export async function stockRun(ctx: BenchContext): Promise<StockResult> {
  const { id: merchantId, token, skus } = ctx.seed.stock
  const events = shuffledLevels({ prefix: 'stk', merchantId, skus, total: ctx.opts.stockEvents, seed: 3, t0: T0 + 2 * 86_400_000 })
  const expected = latestLevels(events)
  const started = Date.now()
  const load = await sendAll(batches(events, ctx.opts.batch), { port: ctx.app.port, key: ctx.seed.key, concurrency: ctx.opts.clients })
  ctx.say(`stock run sent: ${fmtRate(load)}`)

  const mismatches = (actual: Map<string, number>) => [...expected].filter(([sku, q]) => actual.get(sku) !== q).length
  const onBackMarket = async () => new Map(((await ctx.sandbox.control.state(token)).listings as SandboxListing[]).map((l) => [l.sku, l.quantity]))
  let bm = mismatches(await onBackMarket())
  while (bm > 0 && Date.now() - started < ctx.opts.drainTimeoutMs) {
    await sleep(5_000)
    bm = mismatches(await onBackMarket())
    ctx.say(`stock: ${bm} of ${expected.size} SKUs not at their latest level on Back Market yet; ${await ctx.db.openStockTasks(merchantId)} STOCK tasks open`)
  }
  const seconds = (Date.now() - started) / 1000
  const updates = (await ctx.sandbox.control.requests(token)).filter((r) => r.method === 'POST' && /^\/ws\/listings\/[^/?]+$/.test(r.path))
  const ok = updates.filter((r) => r.status === 200).map((r) => Date.parse(r.at)).sort((a, b) => a - b)
  return {
    load,
    seconds,
    finished: bm === 0,
    skus: expected.size,
    listingUpdates: ok.length,
    updates429: updates.filter((r) => r.status === 429).length,
    maxLinesInWindow: maxInWindow(ok, ctx.opts.skuWindowMs),
    windowMs: ctx.opts.skuWindowMs,
    dbMismatches: mismatches(await ctx.db.productLevels(merchantId)),
    backMarketMismatches: bm,
    tasks: await ctx.db.stockTasks(merchantId),
  }
}

export function fmtRate(r: LoadResult): string {
  return `${r.events.toLocaleString('en')} events in ${r.seconds.toFixed(1)} s = ${Math.round(r.eventsPerSecond).toLocaleString('en')} events/s (batch p50 ${Math.round(r.batchP50Ms)} ms, p99 ${Math.round(r.batchP99Ms)} ms)`
}
