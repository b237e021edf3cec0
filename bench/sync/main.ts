// `npm run bench:sync` — the sync engine against the Back Market sandbox with its real rate limit.
// One run starts everything on free ports (PostgreSQL, a sandbox per scenario, the workers), runs
// the throughput scenario (many merchants at once), the backlog scenario (one merchant with
// 10,000 queued updates) and the fault scenario, prints one results table, and cleans up.
// Exits 1 if a correctness check fails (a duplicate accept, a lost update, an unfinished task).
//
//   npm run bench:sync                      full run (≈ 30 min on 2 cores: the backlog alone is 17 min)
//   npm run bench:sync -- --quick           smoke run (≈ 2 min idle; lighter faults, two SIGKILLs)
//   npm run bench:sync -- --only throughput --workers 2 --concurrency 24
//   npm run bench:sync -- --only throughput,backlog --merchants 6 --backlog 2000
//   npm run bench:sync -- --help            this text
//   options: --merchants M --orders N (throughput), --backlog N (one merchant's queue),
//            --backlog-seconds S (measure the backlog S seconds, then stop), --fault-merchants --fault-orders,
//            --kill-every 5-6 (seconds), --kill-for 60 (seconds; 0 = until done), --timeout-ms 2000,
//            --workers K --concurrency C (both runs), --json results.json, --keep-logs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { installCleanupHandlers, onCleanup, runMain } from '../lib/cleanup'
import { printUsageAndExit } from '../lib/usage'
import { recoveryLines } from './recovery-report'
import { deadLetters, failures, perTokenTable, resultsTable } from './report'
import { fmtMs, runScenario, type ScenarioOptions, type ScenarioResult } from './scenario'
import { startDatabaseServer } from './stack'

const { values: args } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    workers: { type: 'string' },
    concurrency: { type: 'string' },
    merchants: { type: 'string' },
    orders: { type: 'string' },
    backlog: { type: 'string' },
    'backlog-seconds': { type: 'string' },
    'fault-merchants': { type: 'string' },
    'fault-orders': { type: 'string' },
    'fault-workers': { type: 'string' },
    'fault-concurrency': { type: 'string' },
    'kill-every': { type: 'string' },
    'kill-for': { type: 'string' },
    'timeout-ms': { type: 'string' },
    json: { type: 'string' },
    'keep-logs': { type: 'boolean', default: false },
  },
})

if (args.help) printUsageAndExit(import.meta.filename)

const quick = args.quick
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10))
const workers = int(args.workers, 2)
const concurrency = int(args.concurrency, 24)
const [killMin, killMax] = (args['kill-every'] ?? '5-6').split('-').map((s) => Number(s) * 1000)

const FAULTS = { error5xxRate: 0.2, rate429: 0.05, timeoutRate: 0.05 }
const QUICK_FAULTS = { error5xxRate: 0.1, rate429: 0.02, timeoutRate: 0.02 }

const scenarios: ScenarioOptions[] = [
  {
    name: 'throughput',
    // Six merchants at Back Market's full rate are ~57 tasks/s, about 1.1 of the 2 cores at ~19 ms
    // of CPU per task (workers, PostgreSQL, sandbox): ten would be 1.9, and a machine that busy
    // wakes workers late for their slots, which is then what the run measures.
    merchants: int(args.merchants, quick ? 4 : 6),
    ordersPerMerchant: int(args.orders, quick ? 50 : 1_000),
    workers,
    concurrency,
    faults: null,
    timeoutMs: null,
    kills: null,
    deadlineMs: quick ? 120_000 : 600_000,
  },
  {
    // One merchant's token is the bottleneck: 10,000 updates take 17 min at Back Market's 20/s
    // (two requests each), with every slot of every worker waiting on the same limiter row.
    name: 'backlog',
    merchants: 1,
    ordersPerMerchant: int(args.backlog, quick ? 400 : 10_000),
    workers,
    concurrency,
    faults: null,
    timeoutMs: null,
    kills: null,
    deadlineMs: quick ? 120_000 : 1_500_000,
    ...(args['backlog-seconds'] ? { stopAfterMs: int(args['backlog-seconds'], 0) * 1000 } : {}),
  },
  {
    name: 'faults',
    // The issue's fault run: 500 updates, 10 workers SIGKILLed in the first 60 s. Every 429 (5 % of
    // requests here) blocks that merchant's token for 10 s by design, so one merchant drains at ~2
    // requests/s under these faults.
    merchants: int(args['fault-merchants'], quick ? 4 : 10),
    ordersPerMerchant: int(args['fault-orders'], quick ? 10 : 50),
    workers: int(args['fault-workers'], workers),
    concurrency: int(args['fault-concurrency'], concurrency),
    // The smoke run keeps every kind of fault but at rates that cannot stretch a 40-task run into
    // minutes of backoff (a task needing 5 attempts waits ~30 s; a retry after a 429 at least 10 s).
    faults: quick ? QUICK_FAULTS : FAULTS,
    timeoutMs: int(args['timeout-ms'], 2_000),
    // A killed worker's tasks run again once their lease passes (~10 s: lib/sync/task-lease.ts), so
    // the smoke run kills too (two workers). Kills stop after --kill-for seconds (0 = never, until
    // every task is finished) so that the recovery can be measured.
    kills: { minMs: killMin!, maxMs: killMax!, forMs: int(args['kill-for'], quick ? 12 : 60) * 1000 || Infinity },
    deadlineMs: quick ? 120_000 : 600_000,
  },
].filter((s) => !args.only || args.only.split(',').includes(s.name)) as ScenarioOptions[]

const started = Date.now()
const logDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-logs-'))
let keepLogs = args['keep-logs']

function say(scope: string, msg: string) {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(4)
  console.log(`\x1b[36m[bench ${t} s]\x1b[0m ${scope ? `\x1b[35m${scope}\x1b[0m ` : ''}${msg}`)
}

// Every process is stopped first (SIGKILL after 5 s), then the database dropped, then the logs.
installCleanupHandlers({ graceMs: 5_000 })
onCleanup('remove the logs', () => {
  if (keepLogs) say('', `logs kept in ${logDir}`)
  else rmSync(logDir, { recursive: true, force: true })
})

async function main(): Promise<number> {
  say('', `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const t = Date.now()
  const dbServer = await startDatabaseServer()
  onCleanup('drop the databases', () => dbServer.stop())
  say('', `PostgreSQL ready (${dbServer.kind}, ${fmtMs(Date.now() - t)}); logs in ${logDir}`)
  const results: ScenarioResult[] = []
  for (const s of scenarios) {
    say(s.name, `—`)
    results.push(await runScenario(s, dbServer, logDir, (m) => say(s.name, m)))
  }

  console.log('')
  for (const tp of results.filter((r) => r.options.name !== 'faults')) console.log(`${tp.options.name} run, per token (limit ${20}/s):\n${perTokenTable(tp)}\n`)
  const fr = results.find((r) => r.options.name === 'faults')
  if (fr) {
    console.log(`Fault run: faults ${JSON.stringify(fr.options.faults)}, BACKMARKET_TIMEOUT_MS ${fr.options.timeoutMs}, answers ${JSON.stringify(fr.byStatus)}`)
    console.log(`Dead letters (tasks FAILED, failureKind 'dead'):\n${deadLetters(fr)}`)
    console.log(`Attempts per task: ${JSON.stringify(fr.attempts.histogram)}; pg-boss sync jobs: ${fr.jobs.map((j) => `${j.state} ${j.jobs}`).join(', ')}`)
    if (fr.crashes.length) console.log(`Unexpected worker exits: ${fr.crashes.join('; ')}`)
    if (fr.recovery) console.log(recoveryLines(fr.recovery))
    console.log('')
  }
  console.log(resultsTable(results))
  console.log(`\nTotal ${fmtMs(Date.now() - started)}.`)
  if (args.json) writeFileSync(args.json, JSON.stringify({ date: new Date().toISOString(), results }, null, 2))

  const failed = results.flatMap(failures)
  if (failed.length) {
    keepLogs = true
    console.log(`\n\x1b[31mCorrectness checks failed:\x1b[0m\n${failed.join('\n')}`)
    return 1
  }
  console.log('\nCorrectness checks passed: no duplicate accept, no lost update, nothing unfinished.')
  return 0
}

runMain(main, () => {
  keepLogs = true
})
