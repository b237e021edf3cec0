// `npm run bench:events` — the warehouse events API under load, in one run:
//   1. a throwaway PostgreSQL, the committed migrations, a Back Market sandbox process, and the app
//      built in a snapshot of the working tree under the system's temp dir (never the repository's
//      own .next) and served as `npm start` serves it (`next start`; --app-processes N: N of them);
//   2. the seed: flow merchants with orders imported from the sandbox, a stock merchant with 2,000
//      SKUs listed on the sandbox, a warehouse API key;
//   3. throughput: 100,000 mixed events (order flows, a few for orders never imported, stock
//      movements and counts) POSTed in batches by 16 keep-alive clients, first to a bare
//      node:http + pg server inserting the same rows into the same table, then to the app (no
//      worker running: the ingest is measured alone, and both runs' rows are removed after);
//      events per second and the ratio;
//   4. crash: one worker started, another 100,000 mixed events sent while next start (with its
//      next-server) is SIGKILLed at 35 % and restarted, and a worker SIGKILLed at 65 % (not with
//      --no-worker-kill); clients re-send every unanswered batch; then the worker drains them and
//      every acknowledged event is checked: recorded, applied / parked / refused once, its effects
//      exactly once;
//   5. stock: 100,000 shuffled stock levels over the 2,000 SKUs, through the API and the worker to
//      the sandbox: at most 2,000 SKU lines per (shortened) hour, every SKU at its latest level.
// Back Market's SKU-line hour is shortened to --sku-window-ms (BACKMARKET_SKU_LINE_WINDOW_MS) so
// the 2,000 SKUs drain in minutes; the limit then holds per shortened window and is checked on it.
//
//   npm run bench:events                    full run (≈ 15 min on 2 cores, build included)
//   npm run bench:events -- --quick         smoke run: 10,000 events per run, 200 SKUs
//   npm run bench:events -- --help          this text
//   options: --skip-build (serve the last run's build again), --events N, --crash-events N, --no-worker-kill,
//            --stock-events N, --stock-skus N,
//            --clients C, --batch B, --orders N (per flow merchant), --sku-window-ms W,
//            --drain-timeout S, --json results.json, --keep-logs,
//            --only throughput (the ingest ratio alone: no crash or stock run),
//            --app-processes N (the app in N processes, bench/lib/cluster-start.mjs; default 1),
//            --patch file.diff (repeatable: applied to the snapshot before the build, to measure a
//            change without touching the repository),
//            --cpu-prof (V8 CPU profiles of the app and the bare server over the throughput run,
//            summarised by package; implies --only throughput: a SIGKILL leaves no profile)
//   DATABASE_URL=… puts the throwaway databases on that server instead of an embedded PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { installCleanupHandlers, onCleanup, runMain } from '../lib/cleanup'
import { collectProfiles, renderProfile } from '../dashboard/profile-summary'
import { runTsForJson, stackEnv, stopProc } from '../lib/procs'
import { printUsageAndExit } from '../lib/usage'
import { startDatabaseServer, startSandboxProcess } from '../sync/stack'
import { WorkerPool } from '../sync/workers'
import { EventsDb } from './events-db'
import { crashRun, stockRun, throughputRun, type BenchContext } from './phases'
import { failures, renderReport } from './report'
import type { SeedParams, SeedResult } from './seed'
import { APP_DIR, buildApp, startApp } from './servers'

const { values: args } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    events: { type: 'string' },
    'crash-events': { type: 'string' },
    'no-worker-kill': { type: 'boolean', default: false },
    'stock-events': { type: 'string' },
    'stock-skus': { type: 'string' },
    clients: { type: 'string' },
    batch: { type: 'string' },
    orders: { type: 'string' },
    'sku-window-ms': { type: 'string' },
    'drain-timeout': { type: 'string' },
    json: { type: 'string' },
    'keep-logs': { type: 'boolean', default: false },
    only: { type: 'string' },
    'app-processes': { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    patch: { type: 'string', multiple: true },
  },
})
if (args.help) printUsageAndExit(import.meta.filename)

const quick = args.quick
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10))
const opts = {
  events: int(args.events, quick ? 10_000 : 100_000),
  crashEvents: int(args['crash-events'], quick ? 10_000 : 100_000),
  killWorker: !args['no-worker-kill'],
  stockEvents: int(args['stock-events'], quick ? 10_000 : 100_000),
  stockSkus: int(args['stock-skus'], quick ? 200 : 2_000),
  clients: int(args.clients, 16),
  batch: int(args.batch, 250),
  ordersPerMerchant: int(args.orders, quick ? 100 : 1_000),
  // 2 minutes for Back Market's hour: 2,000 SKUs need about two of them at the limit's pace.
  skuWindowMs: int(args['sku-window-ms'], 120_000),
  drainTimeoutMs: int(args['drain-timeout'], quick ? 300 : 900) * 1000,
  appProcesses: int(args['app-processes'], 1),
}
if (args.only !== undefined && args.only !== 'throughput') throw new Error(`--only: only 'throughput' is known, got ${args.only}`)
const onlyThroughput = args.only === 'throughput' || args['cpu-prof']
const FLOW_MERCHANTS = 4
const started = Date.now()
const logDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-events-'))
let keepLogs = args['keep-logs']

function say(msg: string): void {
  console.log(`\x1b[36m[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${msg}`)
}

installCleanupHandlers({ graceMs: 5_000 })
onCleanup('remove the logs', () => {
  if (keepLogs) say(`logs kept in ${logDir}`)
  else rmSync(logDir, { recursive: true, force: true })
})

async function main(): Promise<number> {
  say(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const dbServer = await startDatabaseServer()
  onCleanup('drop the databases', () => dbServer.stop())
  const databaseUrl = await dbServer.fresh(`bm_bench_events_${randomBytes(3).toString('hex')}`)
  // The sandbox's own hourly quota is only a backstop here, raised in step with the shortened window.
  const sandbox = await startSandboxProcess('sandbox', logDir, { SANDBOX_SKU_LINES_PER_HOUR: String(Math.ceil((2_000 * 3_600_000) / opts.skuWindowMs)) })
  const appEnv = {
    ...stackEnv({ databaseUrl, backMarketUrl: sandbox.url }),
    // The clients send ~20 requests/s with one key: the per-key limit is not what is measured.
    API_RATE_LIMIT_WAREHOUSE_PER_MINUTE: '1000000',
    BACKMARKET_SKU_LINE_WINDOW_MS: String(opts.skuWindowMs),
  }
  say(`PostgreSQL and the sandbox ready; logs in ${logDir}`)

  if (!args['skip-build']) {
    const t = Date.now()
    const built = await buildApp(appEnv, logDir, (args.patch ?? []).map((f) => path.resolve(f)))
    say(`next build of ${built} in ${APP_DIR} in ${((Date.now() - t) / 1000).toFixed(0)} s`)
  }
  const seedParams: SeedParams = { sandboxUrl: sandbox.url, prefix: `bench-events-${randomBytes(3).toString('hex')}`, flowMerchants: FLOW_MERCHANTS, ordersPerMerchant: opts.ordersPerMerchant, skusPerMerchant: 50, stockSkus: opts.stockSkus }
  const seed = await runTsForJson<SeedResult>('seed', 'bench/events/seed.ts', { ...appEnv, BENCH_SEED: JSON.stringify(seedParams) }, logDir)
  say(`seeded: ${FLOW_MERCHANTS} × ${opts.ordersPerMerchant} imported orders, ${opts.stockSkus} listed SKUs (${Object.entries(seed.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')})`)

  const db = new EventsDb(databaseUrl)
  onCleanup('close the bench pool', () => db.end())
  // --cpu-prof: each server writes its V8 profile when it exits (SIGTERM, after the throughput run).
  const profDir = path.join(logDir, 'profiles')
  const profiling = (name: string) => (args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${path.join(profDir, name)}`] : [])
  const appOptions = { processes: opts.appProcesses, nodeFlags: profiling('app') }
  const app = await startApp(appEnv, logDir, appOptions)
  const ctx: BenchContext = { say, logDir, appEnv, databaseUrl, db, seed, sandbox, app, appOptions, bareFlags: profiling('bare'), opts }

  say(`throughput: ${opts.events.toLocaleString('en')} events, ${opts.clients} clients, batches of ${opts.batch}, ${opts.appProcesses} app process(es)`)
  const throughput = await throughputRun(ctx)
  if (onlyThroughput) {
    await stopProc(ctx.app.proc)
    const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, load: loadavg() }, opts, throughput }
    console.log(`\n${renderReport(results)}`)
    if (args['cpu-prof']) {
      const profiles = collectProfiles(profDir, ['app', 'bare'])
      console.log(`\n${profiles.map((x) => `[${x.server}] ${renderProfile(x)}`).join('\n\n')}`)
      say(`profiles in ${profDir}`)
      keepLogs = true
    }
    if (args.json) writeFileSync(args.json, JSON.stringify(results, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? undefined : v), 2))
    return 0
  }
  const workers = new WorkerPool({ env: appEnv, logDir, concurrency: 8, label: 'events' })
  onCleanup('stop the workers', () => workers.stop(5_000))
  say('crash run')
  const crash = await crashRun(ctx, workers)
  say(`stock run: ${opts.stockEvents.toLocaleString('en')} levels over ${opts.stockSkus} SKUs`)
  const stock = await stockRun(ctx)
  // Read again at the end: the orders' ACCEPT and SHIP tasks reach Back Market long after their events applied.
  crash.check.orders = await db.orders(seed.flow.map((m) => m.id))

  const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, load: loadavg() }, opts, throughput, crash, stock }
  console.log(`\n${renderReport(results)}\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`)
  if (args.json) writeFileSync(args.json, JSON.stringify(results, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? undefined : v), 2))
  const failed = failures(results)
  if (failed.length) {
    keepLogs = true
    console.log(`\n\x1b[31mChecks failed:\x1b[0m\n${failed.join('\n')}`)
    return 1
  }
  console.log('\nChecks passed: nothing acknowledged was lost, nothing applied twice, every SKU at its latest level within the SKU-line limit.')
  return 0
}

runMain(main, () => {
  keepLogs = true
})
