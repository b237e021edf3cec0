// `npm run bench:dashboard` — the merchant dashboard under a production-sized data set, in one run:
//   1. a snapshot of the app (the working tree, or HEAD with --head) in a temp dir, so a build or
//      an edit by someone else in the repo during the run changes nothing under test;
//   2. a throwaway database, the committed migrations, the seed (seed.ts: 1M orders, 200k attempts);
//   3. `next build`, then `next start` on a free port, and the bare node:http + pg server;
//   4. the SQL Prisma sends for each benchmarked call, captured (capture.ts) for the baselines;
//   5. latency (one request at a time): app vs bare server vs the same SQL raw through pg;
//   6. throughput: 50 concurrent keep-alive clients, app vs bare server;
//   7. Chromium: LCP of every page (page-targets.ts), and the JavaScript each loads (gzip);
//   8. EXPLAIN ANALYZE of every hot statement (search, banner, session, order page, Errors tab,
//      staff overview, Audit's first page) for one merchant; a sequential scan of a big table
//      fails the run (exit code 1, after the results are written); one results table.
// Everything it started is stopped and the database dropped at the end, on failure and on Ctrl-C.
//
//   npm run bench:dashboard                 full run (≈ 10 min on 2 cores)
//   npm run bench:dashboard -- --quick      smoke run: 20 merchants × 1,000 orders, short phases
//   npm run bench:dashboard -- --help       this text
//   options: --head (benchmark HEAD, not the working tree), --merchants M --orders N (seed),
//            --sample N (merchants measured), --reps R, --seconds S, --concurrency C, --lcp-runs R,
//            --rounds N, --latency-budget S, --skip-throughput, --skip-lcp,
//            --plans-only (seed, capture and EXPLAIN only: no build, no servers, no timings),
//            --patch file.diff (repeatable: applied to the snapshot before the build, to measure a
//            proposed fix without touching the repo; the report names the patches),
//            --cpu-prof (V8 CPU profiles of next start and the bare server, summarised by package)
//   DATABASE_URL=… puts the throwaway database on that server instead of an embedded PostgreSQL.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { cleanup, installCleanupHandlers, onCleanup, tempWorkDir } from '../lib/cleanup'
import { nodeTs, ROOT, runToEnd, stopProc, type Env } from '../lib/procs'
import { printUsageAndExit } from '../lib/usage'
import type { CaptureOutput } from './cases'
import { createThrowawayDatabase, migrate, redact } from './db'
import { measureLatency } from './latency'
import { args, opts, quick, say, secs, sizes } from './options'
import { measurePages } from './pages'
import { probe } from './phase-cpu'
import { explainAll, sampleSql, shapes, type PlanFinding } from './plans'
import { collectProfiles, renderProfile } from './profile-summary'
import { renderHotReads, renderReport, type Results } from './report'
import { seedDashboard, seedSummary, type SeedReport } from './seed'
import { checkAnswers, startServers } from './servers'
import { createCases } from './sessions'
import { copyBenchInto, makeSnapshot } from './snapshot'
import { measureThroughput } from './throughput-phase'

if (args.help) printUsageAndExit(import.meta.filename)

const started = Date.now()
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const resultsDir = path.join(ROOT, 'bench/dashboard/results', stamp + (quick ? '-quick' : ''))
const logDir = path.join(resultsDir, 'logs')

async function main(): Promise<number> {
  installCleanupHandlers()
  mkdirSync(logDir, { recursive: true })
  const workDir = tempWorkDir('bm-bench-dashboard-')
  say(`results and logs: ${path.relative(ROOT, resultsDir)}`)
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  }

  // 1. snapshot
  let t = performance.now()
  const appDir = path.join(workDir, 'app')
  const snapshot = makeSnapshot(appDir, args.head)
  const patches = (args.patch ?? []).map((f) => path.resolve(f))
  for (const f of patches) {
    execFileSync('git', ['apply', '--verbose', f], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] })
    say(`applied ${path.relative(ROOT, f)} to the snapshot`)
  }
  say(`snapshot of ${snapshot.source} (${snapshot.commit.slice(0, 10)}${snapshot.dirty.length ? `, ${snapshot.dirty.length} changed files outside bench/` : ''}) in ${secs(performance.now() - t)}`)

  // 2. database + seed
  const db = await createThrowawayDatabase({ name: `bm_bench_dashboard_${process.pid}`, log: say })
  onCleanup('drop the database', () => db.destroy())
  t = performance.now()
  const migrations = await migrate(db.url, path.join(appDir, 'prisma/migrations'))
  say(`${migrations} migrations applied in ${secs(performance.now() - t)}`)
  say(`seeding ${sizes.merchants.toLocaleString('en-US')} merchants × ${sizes.ordersPerMerchant.toLocaleString('en-US')} orders, ${sizes.attemptsPerMerchant} sync attempts each…`)
  const seed = await seedDashboard(db.url, sizes, say)
  console.log(seedSummary(seed))

  if (args['plans-only']) return plansOnly(db.url, appDir, workDir, seed, machine)

  // 3. build
  const nextBin = path.join(appDir, 'node_modules/next/dist/bin/next')
  const appEnv = appEnvOf()
  t = performance.now()
  say('next build…')
  await runToEnd('next-build', process.execPath, [nextBin, 'build'], { cwd: appDir, env: appEnv, logDir })
  const buildMs = performance.now() - t
  say(`built in ${secs(buildMs)}`)

  // 4. sessions, cases, capture
  const { pool, captured, captureOut } = await captureSql(db.url, appDir, workDir)

  // 5. servers
  // --cpu-prof: each server writes V8 profiles when it exits (stopped below, before the report).
  const profDir = path.join(resultsDir, 'profiles')
  // (Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line; forked children inherit it.)
  const profiling = (name: string): string[] => (args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${path.join(profDir, name)}`] : [])
  const servers = await startServers({ appDir, nextBin, appEnv, databaseUrl: db.url, captureOut, logDir, profiling })
  const { app, bare } = servers
  say(`next start on :${servers.appPort} (pid ${app.pid}), bare server on :${servers.barePort} (pid ${bare.pid})`)
  await checkAnswers(captured, servers)
  const cpuProbe = () => probe(app, bare, db)

  // 6. latency
  const latency = await measureLatency(captured, servers.appPort, servers.barePort, pool, cpuProbe)

  // 7. throughput
  const tp = args['skip-throughput'] ? [] : await measureThroughput(captured, servers, cpuProbe)

  // 8. pages
  const pages = args['skip-lcp'] ? [] : await measurePages(servers.appPort, captured.cases[0]!, pool)

  // 9. plans
  const plans = await explainAll(pool, captured)
  writeFileSync(path.join(resultsDir, 'plans.txt'), plans.text)
  warnFindings(plans.findings)

  // The servers are done: stopped now (SIGTERM; V8 writes the profiles on the way out).
  await Promise.all([stopProc(app), stopProc(bare)])
  const profiles = args['cpu-prof'] ? collectProfiles(profDir, ['app', 'bare']) : []
  if (args['cpu-prof']) writeFileSync(path.join(resultsDir, 'profiles.txt'), profiles.map((x) => `[${x.server}] ${renderProfile(x)}`).join('\n\n'))

  const results: Results = {
    date: new Date().toISOString(),
    quick,
    machine: { ...machine, loadAvgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    app: { ...snapshot, patches: patches.map((f) => path.relative(ROOT, f)), buildSeconds: Math.round(buildMs / 100) / 10 },
    database: { kind: db.kind, url: redact(db.url), settings: await db.describe() },
    seed,
    options: opts,
    latency,
    throughput: tp,
    pages,
    plans: plans.summary,
    hotReads: plans.hot,
    planFindings: plans.findings,
    profiles,
    sql: sampleSql(captured),
    totalSeconds: Math.round((Date.now() - started) / 1000),
  }
  writeFileSync(path.join(resultsDir, 'results.json'), JSON.stringify(results, null, 2))
  const md = renderReport(results)
  writeFileSync(path.join(resultsDir, 'results.md'), md)
  console.log(`\n${md}`)
  say(`done in ${secs(Date.now() - started)}; ${path.relative(ROOT, resultsDir)}/results.{json,md}, plans.txt, captured-sql.json`)
  return plans.findings.length ? 1 : 0
}

const appEnvOf = (): Env => {
  const env: Env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' }
  delete env.NODE_ENV // next build / next start set production themselves; an inherited value would confuse them
  return env
}

/** Sessions and cases for the sampled merchants, then the SQL the app's lib code sends for them (capture.ts, in the snapshot). */
async function captureSql(url: string, appDir: string, workDir: string): Promise<{ pool: pg.Pool; captured: CaptureOutput; captureOut: string }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle client whose server goes away (cleanup stops it) emits 'error': not a failure of the run.
  pool.on('error', () => {})
  onCleanup('close the pool', () => pool.end())
  const cases = await createCases(pool, sizes, opts.sample)
  copyBenchInto(appDir)
  const captureIn = path.join(workDir, 'capture-in.json')
  const captureOut = path.join(resultsDir, 'captured-sql.json')
  writeFileSync(captureIn, JSON.stringify({ cases, sessionToken: cases[0]!.token }))
  const t = performance.now()
  await runToEnd('capture', process.execPath, [...nodeTs('bench/dashboard/capture.ts', { reactServer: true }), captureIn, captureOut], {
    cwd: appDir,
    env: { ...appEnvOf(), DATABASE_URL: url, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    logDir,
  })
  const captured = JSON.parse(readFileSync(captureOut, 'utf8')) as CaptureOutput
  say(`captured the app's SQL for ${captured.cases.length} cases in ${secs(performance.now() - t)}: ${shapes(captured)}`)
  return { pool, captured, captureOut }
}

/** --plans-only: the seed, the capture and EXPLAIN of every hot statement (no build, no servers): the quick check at 10M orders. */
async function plansOnly(url: string, appDir: string, workDir: string, seed: SeedReport, machine: Record<string, unknown>): Promise<number> {
  const { pool, captured } = await captureSql(url, appDir, workDir)
  const plans = await explainAll(pool, captured)
  writeFileSync(path.join(resultsDir, 'plans.txt'), plans.text)
  const md = [renderHotReads(plans.hot, plans.findings), '', seedSummary(seed), `Machine: ${JSON.stringify({ ...machine, loadAvgAtEnd: loadavg() })}`].join('\n')
  writeFileSync(path.join(resultsDir, 'results.md'), md)
  console.log(`\n${md}`)
  warnFindings(plans.findings)
  say(`done in ${secs(Date.now() - started)}; ${path.relative(ROOT, resultsDir)}/results.md, plans.txt, captured-sql.json`)
  return plans.findings.length ? 1 : 0
}

/** A sequential scan of a big table fails the run, loudly, after the results are written. */
function warnFindings(findings: PlanFinding[]): void {
  for (const f of findings) console.error(`\x1b[31m[bench:dashboard] SEQ SCAN of a big table:\x1b[0m ${f.table} (${f.rows.toLocaleString('en-US')} rows) in ${f.label} (${f.plan} plan)`)
}

main()
  .then(async (code) => {
    await cleanup()
    process.exit(code)
  })
  .catch(async (err) => {
    console.error(`\n\x1b[31m[bench:dashboard] failed:\x1b[0m ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    console.error(`logs: ${path.relative(ROOT, logDir)}`)
    await cleanup()
    process.exit(1)
  })
