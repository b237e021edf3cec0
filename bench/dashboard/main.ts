// `npm run bench:dashboard` — the merchant dashboard under a production-sized data set, in one run:
//   1. a snapshot of the app (the working tree, or HEAD with --head) in a temp dir, so a build or
//      an edit by someone else in the repo during the run changes nothing under test;
//   2. a throwaway database, the committed migrations, the seed (seed.ts: 1M orders, 200k attempts);
//   3. `next build`, then `next start` on a free port, and the bare node:http + pg server;
//   4. the SQL Prisma sends for each benchmarked call, captured (capture.ts) for the baselines;
//   5. latency (one request at a time): app vs bare server vs the same SQL raw through pg;
//   6. throughput: 50 concurrent keep-alive clients, app vs bare server;
//   7. Chromium: LCP of /orders, and the JavaScript it loads (gzip);
//   8. EXPLAIN ANALYZE of every captured statement for one merchant; one results table.
// Everything it started is stopped and the database dropped at the end, on failure and on Ctrl-C.
//
//   npm run bench:dashboard                 full run (≈ 10 min on 2 cores)
//   npm run bench:dashboard -- --quick      smoke run: 20 merchants × 1,000 orders, short phases
//   options: --head (benchmark HEAD, not the working tree), --merchants M --orders N (seed),
//            --sample N (merchants measured), --reps R, --seconds S, --concurrency C, --lcp-runs R,
//            --rounds N, --latency-budget S, --skip-throughput, --skip-lcp,
//            --patch file.diff (repeatable: applied to the snapshot before the build, to measure a
//            proposed fix without touching the repo; the report names the patches),
//            --cpu-prof (V8 CPU profiles of next start and the bare server, summarised by package)
//   DATABASE_URL=… puts the throwaway database on that server instead of an embedded PostgreSQL.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { generateSessionToken, hashSessionToken } from '../../lib/auth/session-token'
import { sessionCookieName } from '../../lib/auth/session-cookie'
import { replay, type Case, type CaptureOutput, type CapturedCase, type CaseKind, type Statement, type TimedStatement } from './cases'
import { createThrowawayDatabase, freePort, migrate, redact, type BenchDatabase } from './db'
import { launchChromium, loadPage, type PageLoad } from './lcp'
import { get, mergeRounds, newAgent, sleep, summarize, throughput, type ThroughputResult } from './load'
import {
  cleanup,
  installCleanupHandlers,
  machineCpuSeconds,
  onCleanup,
  onExitSync,
  ROOT,
  runToEnd,
  spawnLogged,
  stopChild,
  tail,
  treeCpuSeconds,
  type Child,
  type Env,
} from './procs'
import { renderProfile, summarizeProfile } from './profile-summary'
import { fmtCpu, renderReport, type CpuUse, type Results } from './report'
import { FULL_SIZES, QUICK_SIZES, referenceOf, referenceWidth, seedDashboard, seedSummary, type SeedSizes } from './seed'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    head: { type: 'boolean', default: false },
    merchants: { type: 'string' },
    orders: { type: 'string' },
    sample: { type: 'string' },
    reps: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    'lcp-runs': { type: 'string' },
    'latency-budget': { type: 'string' },
    rounds: { type: 'string' },
    patch: { type: 'string', multiple: true },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-throughput': { type: 'boolean', default: false },
    'skip-lcp': { type: 'boolean', default: false },
  },
})
const quick = args.quick
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10))
const base = quick ? QUICK_SIZES : FULL_SIZES
const sizes: SeedSizes = {
  merchants: int(args.merchants, base.merchants),
  ordersPerMerchant: int(args.orders, base.ordersPerMerchant),
  attemptsPerMerchant: base.attemptsPerMerchant,
}
const opts = {
  sample: Math.min(sizes.merchants, int(args.sample, quick ? 10 : 50)),
  reps: int(args.reps, quick ? 4 : 10),
  seconds: int(args.seconds, quick ? 4 : 15),
  // Throughput per server is measured in rounds alternating app and bare (same total seconds), so
  // that a change in the machine's load during the run (it is shared) hits both alike.
  rounds: int(args.rounds, quick ? 1 : 3),
  // Seconds of measuring per query kind at most: with a slow query (seconds per request) the full
  // sample would take hours; the loop then stops after the first full pass beyond the budget.
  latencyBudgetSeconds: int(args['latency-budget'], quick ? 20 : 120),
  warmupSeconds: quick ? 1 : 3,
  concurrency: int(args.concurrency, 50),
  lcpRuns: int(args['lcp-runs'], quick ? 3 : 10),
}

const started = Date.now()
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const resultsDir = path.join(ROOT, 'bench/dashboard/results', stamp + (quick ? '-quick' : ''))
const logDir = path.join(resultsDir, 'logs')
const say = (msg: string) => console.log(`\x1b[36m[bench:dashboard]\x1b[0m ${msg}`)
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

// ---- the app snapshot -------------------------------------------------------------------------

function git(...a: string[]): string {
  return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim()
}

/**
 * The app as it will run: tracked and untracked (not ignored) files of the working tree, or HEAD's
 * tree with --head; bench/ is left out (others' work in progress must not fail our build), and the
 * generated Prisma client is copied. node_modules is a hard-linked copy: Turbopack refuses a
 * symlink that leaves the project root, and hard links cost seconds, not a gigabyte.
 */
function makeSnapshot(dir: string): { commit: string; dirty: string[]; source: string } {
  mkdirSync(dir, { recursive: true })
  const commit = git('rev-parse', 'HEAD')
  const dirty = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter((l) => l && !l.slice(3).startsWith('bench/'))
  if (args.head) {
    // The generated Prisma client is the working tree's (it is git-ignored): it must match HEAD's schema.
    if (git('status', '--porcelain', '--', 'prisma/schema.prisma')) throw new Error('--head: prisma/schema.prisma differs from HEAD, so lib/generated does not match HEAD')
    execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${dir}"`], { cwd: ROOT })
    rmSync(path.join(dir, 'bench'), { recursive: true, force: true })
  } else {
    const files = git('ls-files', '-z', '-c', '-o', '--exclude-standard')
      .split('\0')
      .filter((f) => f && !f.startsWith('bench/'))
    for (const f of files) {
      try {
        cpSync(path.join(ROOT, f), path.join(dir, f))
      } catch (err) {
        // Listed by git but deleted in the working tree (a pending removal): not part of the app.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    }
  }
  cpSync(path.join(ROOT, 'lib/generated'), path.join(dir, 'lib/generated'), { recursive: true })
  hardLinkTree(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  return { commit, dirty: args.head ? [] : dirty, source: args.head ? 'HEAD' : 'the working tree' }
}

function hardLinkTree(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to])
}

function copyBenchInto(dir: string): void {
  const dest = path.join(dir, 'bench/dashboard')
  mkdirSync(dest, { recursive: true })
  for (const f of readdirSync(path.join(ROOT, 'bench/dashboard'))) {
    if (f.endsWith('.ts')) linkSync(path.join(ROOT, 'bench/dashboard', f), path.join(dest, f))
  }
}

// ---- servers ------------------------------------------------------------------------------------

async function waitForHttp(port: number, pathname: string, what: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const agent = newAgent(1)
  const deadline = Date.now() + timeoutMs
  try {
    while (Date.now() < deadline) {
      if (child.child.exitCode !== null) throw new Error(`${what} exited:\n${tail(child)}`)
      try {
        const r = await get(agent, port, pathname, '')
        if (r.status > 0 && r.status < 500) return
      } catch {
        // not listening yet
      }
      await sleep(250)
    }
  } finally {
    agent.destroy()
  }
  throw new Error(`${what} did not answer on ${port} within ${timeoutMs / 1000} s:\n${tail(child)}`)
}

// ---- CPU per phase --------------------------------------------------------------------------------

type CpuProbe = { wall: number; machine: { busy: number; total: number }; app: number; bare: number; pg: number | null; client: number }

function probe(app: Child | null, bare: Child | null, db: BenchDatabase): CpuProbe {
  const pgPid = db.postmasterPid()
  const u = process.cpuUsage()
  return {
    wall: performance.now(),
    machine: machineCpuSeconds(),
    app: app ? treeCpuSeconds(app.pid) : 0,
    bare: bare ? treeCpuSeconds(bare.pid) : 0,
    pg: pgPid ? treeCpuSeconds(pgPid) : null,
    client: (u.user + u.system) / 1e6,
  }
}

/** CPU use over several phases, weighted by their wall time. */
function sumCpu(xs: CpuUse[]): CpuUse {
  const wall = xs.reduce((a, x) => a + x.wallSeconds, 0)
  const w = (f: (x: CpuUse) => number | null) => (xs.some((x) => f(x) === null) ? null : Math.round((xs.reduce((a, x) => a + f(x)! * x.wallSeconds, 0) / wall) * 100) / 100)
  const keys = Object.keys(xs[0]?.cores ?? {})
  return {
    wallSeconds: Math.round(wall * 10) / 10,
    cores: Object.fromEntries(keys.map((k) => [k, w((x) => x.cores[k] ?? null)])),
    machineBusyCores: w((x) => x.machineBusyCores) ?? 0,
    otherCores: w((x) => x.otherCores),
  }
}

function cpuBetween(a: CpuProbe, b: CpuProbe): CpuUse {
  const wall = (b.wall - a.wall) / 1000
  const per = (x: number) => Math.round((x / wall) * 100) / 100
  const pgCores = a.pg === null || b.pg === null ? null : per(b.pg - a.pg)
  const ours = b.app - a.app + (b.bare - a.bare) + (b.client - a.client) + (pgCores === null ? 0 : b.pg! - a.pg!)
  const busy = b.machine.busy - a.machine.busy
  return {
    wallSeconds: Math.round(wall * 10) / 10,
    cores: { app: per(b.app - a.app), bare: per(b.bare - a.bare), postgres: pgCores, client: per(b.client - a.client) },
    machineBusyCores: per(busy),
    // Everything else on the machine meanwhile (other people's builds, tests, benchmarks).
    otherCores: pgCores === null ? null : Math.max(0, per(busy - ours)),
  }
}

// ---- the run ----------------------------------------------------------------------------------------

async function main(): Promise<number> {
  installCleanupHandlers()
  mkdirSync(logDir, { recursive: true })
  const workDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-dashboard-'))
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true })
  onCleanup('remove work dir', removeWorkDir)
  onExitSync(removeWorkDir)
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
  const snapshot = makeSnapshot(appDir)
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

  // 3. build
  const nextBin = path.join(appDir, 'node_modules/next/dist/bin/next')
  const appEnv: Env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' }
  delete appEnv.NODE_ENV // next build / next start set production themselves; an inherited value would confuse them
  t = performance.now()
  say('next build…')
  await runToEnd('next-build', process.execPath, [nextBin, 'build'], { cwd: appDir, env: appEnv, logDir })
  const buildMs = performance.now() - t
  say(`built in ${secs(buildMs)}`)

  // 4. sessions, cases, capture
  const pool = new pg.Pool({ connectionString: db.url, max: 10 })
  // An idle client whose server goes away (cleanup stops it) emits 'error': not a failure of the run.
  pool.on('error', () => {})
  onCleanup('close the pool', () => pool.end())
  const W = referenceWidth(sizes.merchants)
  const merchants = await pool.query<{ id: string; m: number; userId: string }>(
    `SELECT m.id, substring(m.name from '\\d+$')::int AS m, u.id AS "userId" FROM "Merchant" m JOIN "User" u ON u."merchantId" = m.id ORDER BY 2`,
  )
  // Spread over all merchants (i·37 mod M): healthy and troubled ones (m mod 10 < 3) alike.
  const picked = Array.from({ length: opts.sample }, (_, i) => merchants.rows[(i * 37) % merchants.rows.length]!)
  const cases: Case[] = []
  const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000) // as createSession: 30 days, so no renewal write
  for (const [i, mr] of picked.entries()) {
    const token = generateSessionToken()
    await pool.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC')`, [hashSessionToken(token), mr.userId, expires.toISOString()])
    const exact = referenceOf(mr.m, (i * 389 + 17) % sizes.ordersPerMerchant, W)
    const prefix = referenceOf(mr.m, (i * 577 + 123) % sizes.ordersPerMerchant, W).slice(0, 4)
    const c = (kind: CaseKind, pathname: string, q?: string): Case => ({ key: `${kind} m${mr.m}`, kind, merchantId: mr.id, token, q, path: pathname })
    cases.push(c('exact', `/api/orders?q=${exact}`, exact), c('prefix', `/api/orders?q=${prefix}`, prefix), c('banner', '/api/connection-issues'))
  }
  copyBenchInto(appDir)
  const captureIn = path.join(workDir, 'capture-in.json')
  const captureOut = path.join(resultsDir, 'captured-sql.json')
  writeFileSync(captureIn, JSON.stringify({ cases, sessionToken: cases[0]!.token }))
  t = performance.now()
  await runToEnd('capture', process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/dashboard/capture.ts', captureIn, captureOut], {
    cwd: appDir,
    env: { ...appEnv, DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    logDir,
  })
  const captured = JSON.parse(readFileSync(captureOut, 'utf8')) as CaptureOutput
  say(`captured Prisma's SQL for ${captured.cases.length} cases in ${secs(performance.now() - t)}: ${shapes(captured)}`)

  // 5. servers
  // --cpu-prof: each server writes V8 profiles when it exits (stopped below, before the report).
  const profDir = path.join(resultsDir, 'profiles')
  // (Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line; forked children inherit it.)
  const profiling = (name: string): string[] => (args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${path.join(profDir, name)}`] : [])
  const appPort = await freePort()
  const app = spawnLogged('next-start', process.execPath, [...profiling('app'), nextBin, 'start', '-p', String(appPort), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: {
      ...appEnv,
      DATABASE_URL: db.url,
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // Nothing measured calls Back Market; env() still wants a URL. Port 9 (discard) refuses.
      BACKMARKET_API_URL: 'http://127.0.0.1:9',
      SERVICE_NAME: 'bench-app',
    },
    logDir,
  })
  const barePort = await freePort()
  const bare = spawnLogged('bare-server', process.execPath, [...profiling('bare'), '--import', 'tsx', path.join(ROOT, 'bench/dashboard/bare-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(barePort), DATABASE_URL: db.url, BARE_CASES: captureOut },
    logDir,
  })
  await waitForHttp(appPort, '/api/health', 'next start', app)
  await waitForHttp(barePort, '/', 'the bare server', bare)
  say(`next start on :${appPort} (pid ${app.pid}), bare server on :${barePort} (pid ${bare.pid})`)

  // The first cases of each kind answer 200 on both servers, and the app's answer matches what
  // capture saw (the latency loop then fails on any non-200).
  const check = newAgent(1)
  for (const c of (['exact', 'prefix', 'banner'] as const).flatMap((k) => captured.cases.filter((x) => x.kind === k).slice(0, 5))) {
    for (const [name, port] of [['app', appPort], ['bare', barePort]] as const) {
      const r = await getJson(check, port, c.path, cookieOf(c))
      if (r.status !== 200) throw new Error(`${name} ${c.path} for ${c.key}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
      if (name === 'app') verifyAnswer(c, r.body)
    }
  }
  check.destroy()

  // 6. latency
  const latency = await measureLatency(captured, appPort, barePort, pool, probe.bind(null, app, bare, db))

  // 7. throughput
  const tp: Results['throughput'] = []
  if (!args['skip-throughput']) {
    const groups: { name: string; goal: boolean; requests: { path: string; cookie: string }[] }[] = [
      { name: 'orders search (exact + prefix)', goal: true, requests: requestsOf(captured, ['exact', 'prefix']) },
      { name: 'GET /api/connection-issues', goal: true, requests: requestsOf(captured, ['banner']) },
      // Not a goal: what one request costs the framework with next to no work (health's SELECT 1,
      // no session), against the same SELECT 1 behind bare node:http. The ceiling of the ratio.
      { name: 'floor: GET /api/health (SELECT 1, no session)', goal: false, requests: [{ path: '/api/health', cookie: '' }] },
    ]
    for (const [gi, g] of groups.entries()) {
      const reqs = g.requests
      const rounds: Record<'app' | 'bare', { r: ThroughputResult; cpu: CpuUse }[]> = { app: [], bare: [] }
      const seconds = opts.seconds / opts.rounds
      say(`throughput: ${g.name}, ${opts.concurrency} clients, ${opts.rounds} round(s) of ${seconds.toFixed(1)} s per server…`)
      for (let round = 0; round < opts.rounds; round++) {
        // Alternate which server goes first, so a drift in the machine's load does not favour one.
        const order: ['app' | 'bare', number][] = (gi + round) % 2 === 0 ? [['app', appPort], ['bare', barePort]] : [['bare', barePort], ['app', appPort]]
        for (const [name, port] of order) {
          const edges: Partial<Record<'start' | 'end', CpuProbe>> = {}
          const r = await throughput(port, reqs, {
            concurrency: opts.concurrency,
            seconds,
            warmupSeconds: opts.warmupSeconds,
            onWindow: (edge) => (edges[edge] = probe(app, bare, db)),
          })
          const cpu = cpuBetween(edges.start!, edges.end!)
          rounds[name].push({ r, cpu })
          say(`  ${name}: ${r.rps.toFixed(1)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}); CPU cores: ${fmtCpu(cpu)}`)
          await sleep(500)
        }
      }
      const merged = (name: 'app' | 'bare') => {
        const r = mergeRounds(rounds[name].map((x) => x.r))
        const cpu = sumCpu(rounds[name].map((x) => x.cpu))
        // CPU per request of the server under test and of PostgreSQL: unlike req/s, hardly
        // changed by other processes competing for the cores.
        const server = name === 'app' ? cpu.cores.app : cpu.cores.bare
        const perReq = (cores: number | null | undefined) => (cores == null || r.requests === 0 ? null : (cores * cpu.wallSeconds * 1000) / r.requests)
        // latencies emptied: thousands of numbers are not kept in results.json
        return { ...r, latencies: [], cpu, cpuMsPerRequest: { server: perReq(server), postgres: perReq(cpu.cores.postgres) }, rounds: rounds[name].map((x) => Math.round(x.r.rps * 10) / 10) }
      }
      tp.push({ name: g.name, goal: g.goal, app: merged('app'), bare: merged('bare') })
    }
  }

  // 8. pages
  let pages: Results['pages'] = []
  if (!args['skip-lcp']) pages = await measurePages(appPort, captured.cases[0]!)

  // 9. plans
  const plans = await explainAll(pool, captured)
  writeFileSync(path.join(resultsDir, 'plans.txt'), plans.text)

  // The servers are done: stopped now (SIGTERM; V8 writes the profiles on the way out).
  await Promise.all([stopChild(app), stopChild(bare)])
  const profiles: Results['profiles'] = []
  if (args['cpu-prof']) {
    for (const name of ['app', 'bare']) {
      const dir = path.join(profDir, name)
      for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')) : []) {
        profiles.push({ server: name, ...summarizeProfile(path.join(dir, f)) })
      }
    }
    writeFileSync(path.join(resultsDir, 'profiles.txt'), profiles.map((x) => `[${x.server}] ${renderProfile(x)}`).join('\n\n'))
  }

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
    profiles,
    sql: sampleSql(captured),
    totalSeconds: Math.round((Date.now() - started) / 1000),
  }
  writeFileSync(path.join(resultsDir, 'results.json'), JSON.stringify(results, null, 2))
  const md = renderReport(results)
  writeFileSync(path.join(resultsDir, 'results.md'), md)
  console.log(`\n${md}`)
  say(`done in ${secs(Date.now() - started)}; ${path.relative(ROOT, resultsDir)}/results.{json,md}, plans.txt, captured-sql.json`)
  return 0
}

// next start runs in production, where the session cookie is `__Host-bm_session` (lib/auth/session-cookie.ts).
const SESSION_COOKIE = sessionCookieName(true)
const cookieOf = (c: Case) => `${SESSION_COOKIE}=${c.token}`
const requestsOf = (captured: CaptureOutput, kinds: CaseKind[]) =>
  captured.cases.filter((c) => kinds.includes(c.kind)).map((c) => ({ path: c.path, cookie: cookieOf(c) }))

async function getJson(agent: ReturnType<typeof newAgent>, port: number, pathname: string, cookie: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, agent, headers: { cookie } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (data += c))
      res.on('end', () => {
        let body: unknown = data
        try {
          body = JSON.parse(data)
        } catch {
          // not JSON: keep the text for the error message
        }
        resolve({ status: res.statusCode ?? 0, body })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

function verifyAnswer(c: CapturedCase, body: unknown): void {
  const b = body as { orders?: unknown[]; total?: number; errors?: unknown[]; state?: string }
  const got = c.kind === 'banner' ? { errors: b.errors?.length, state: b.state } : { orders: b.orders?.length, total: b.total }
  if (JSON.stringify(got) !== JSON.stringify(c.summary)) throw new Error(`${c.key}: the app answered ${JSON.stringify(got)}, capture saw ${JSON.stringify(c.summary)}`)
  if (c.kind === 'exact' && b.total !== 1) throw new Error(`${c.key}: an exact reference should match one order, got ${b.total}`)
}

function shapes(captured: CaptureOutput): string {
  const byKind = new Map<string, string>()
  for (const c of captured.cases) if (!byKind.has(c.kind)) byKind.set(c.kind, c.waves.map((w) => w.length).join('+'))
  const s = captured.session.waves.map((w) => w.length).join('+')
  return [...byKind].map(([k, v]) => `${k} ${v} statement(s) by wave`).join(', ') + `; session ${s}`
}

/** Prisma's session statement(s) with this request's token hash in place of the captured one. */
function sessionStatementsFor(captured: CaptureOutput, token: string): TimedStatement[] {
  const statements = captured.session.statements.map((s) => ({ ...s, values: [...s.values] }))
  const hash = hashSessionToken(token)
  for (const [si, vi] of captured.session.hashAt) statements[si]!.values[vi] = hash
  return statements
}

// ---- latency ------------------------------------------------------------------------------------------

type Target = 'app' | 'bare' | 'raw' | 'rawWithSession'

async function measureLatency(captured: CaptureOutput, appPort: number, barePort: number, pool: pg.Pool, cpuProbe: () => CpuProbe): Promise<Results['latency']> {
  const appAgent = newAgent(1)
  const bareAgent = newAgent(1)
  const targets: Target[] = ['app', 'bare', 'raw', 'rawWithSession']
  const sessionStatements = new Map(captured.cases.map((c) => [c.key, sessionStatementsFor(captured, c.token)]))
  const once = async (target: Target, c: CapturedCase): Promise<number> => {
    if (target === 'app' || target === 'bare') {
      const r = await get(target === 'app' ? appAgent : bareAgent, target === 'app' ? appPort : barePort, c.path, cookieOf(c))
      if (r.status !== 200) throw new Error(`${target} ${c.path}: HTTP ${r.status}`)
      return r.ms
    }
    const t0 = performance.now()
    if (target === 'rawWithSession') await replay(pool, sessionStatements.get(c.key)!, 'array')
    // rowMode 'array' as adapter-pg asks for it
    await replay(pool, c.statements, 'array')
    return performance.now() - t0
  }
  // Warm-up (JIT, pools, caches; not counted): each target through the first cases of each kind.
  say('latency: warm-up…')
  const warm = (['exact', 'prefix', 'banner'] as const).flatMap((k) => captured.cases.filter((x) => x.kind === k).slice(0, 3))
  for (let i = 0; i < 2; i++) for (const c of warm) for (const target of targets) await once(target, c)
  const samples: Record<CaseKind, Record<Target, number[]>> = {
    exact: { app: [], bare: [], raw: [], rawWithSession: [] },
    prefix: { app: [], bare: [], raw: [], rawWithSession: [] },
    banner: { app: [], bare: [], raw: [], rawWithSession: [] },
  }
  const perKind = captured.cases.length / 3
  say(`latency: ${perKind} merchants × up to ${opts.reps} reps × ${targets.length} targets per query, one request at a time (no new pass after ${opts.latencyBudgetSeconds} s per query)…`)
  const before = cpuProbe()
  let turn = 0
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const kindCases = captured.cases.filter((c) => c.kind === kind)
    const t0 = performance.now()
    for (let rep = 0; rep < opts.reps; rep++) {
      // Always at least one full pass over the merchants; then stop once over budget.
      if (rep > 0 && performance.now() - t0 > opts.latencyBudgetSeconds * 1000) break
      for (const c of kindCases) {
        // Rotate which target goes first: none always follows another's cache warm-up.
        for (let k = 0; k < targets.length; k++) {
          const target = targets[(turn + k) % targets.length]!
          samples[kind][target].push(await once(target, c))
        }
        turn++
      }
    }
  }
  const cpu = cpuBetween(before, cpuProbe())
  appAgent.destroy()
  bareAgent.destroy()
  const out = {} as Results['latency']['byKind']
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    out[kind] = Object.fromEntries(targets.map((tg) => [tg, summarize(samples[kind][tg])])) as Results['latency']['byKind']['exact']
    const s = out[kind]
    say(`  ${kind}: app p50 ${s.app.p50.toFixed(2)} / p95 ${s.app.p95.toFixed(2)} ms · bare ${s.bare.p95.toFixed(2)} · raw ${s.raw.p95.toFixed(2)} ms p95 → ${(s.app.p95 / s.raw.p95).toFixed(2)}×`)
  }
  return { byKind: out, cpu }
}

// ---- pages ------------------------------------------------------------------------------------------

async function measurePages(appPort: number, c: Case): Promise<Results['pages']> {
  const baseUrl = `http://127.0.0.1:${appPort}`
  const candidates = ['/orders', '/connection-issues']
  const agent = newAgent(1)
  const paths: string[] = []
  for (const p of candidates) {
    const r = await get(agent, appPort, p, cookieOf(c))
    if (r.status === 200) paths.push(p)
    else say(`pages: ${p} answers HTTP ${r.status}: not measured`)
  }
  agent.destroy()
  const browser = await launchChromium()
  onCleanup('close Chromium', () => browser.close())
  const out: Results['pages'] = []
  try {
    for (const p of paths) {
      say(`pages: ${p} × ${opts.lcpRuns} cold loads in Chromium…`)
      await loadPage(browser, baseUrl + p, { name: SESSION_COOKIE, value: c.token, secure: true }) // warm the server's render path
      const loads: PageLoad[] = []
      for (let i = 0; i < opts.lcpRuns; i++) {
        const l = await loadPage(browser, baseUrl + p, { name: SESSION_COOKIE, value: c.token, secure: true })
        if (l.status !== 200 || new URL(l.finalUrl).pathname !== p) throw new Error(`${p}: HTTP ${l.status}, ended at ${l.finalUrl} (not signed in?)`)
        loads.push(l)
      }
      const lcps = loads.map((l) => l.lcpMs ?? Number.NaN)
      const first = loads[0]!
      const initial = first.scripts.filter((s) => !s.afterLoad)
      const later = first.scripts.filter((s) => s.afterLoad)
      const sum = (xs: typeof initial, k: 'rawBytes' | 'gzipBytes' | 'wireBytes') => xs.reduce((a, s) => a + s[k], 0)
      const row = {
        path: p,
        runs: loads.length,
        lcp: summarize(lcps),
        lcpElement: first.lcpElement,
        ttfb: summarize(loads.map((l) => l.ttfbMs)),
        fcp: summarize(loads.map((l) => l.fcpMs ?? Number.NaN)),
        load: summarize(loads.map((l) => l.loadMs)),
        js: {
          files: initial.length,
          rawBytes: sum(initial, 'rawBytes'),
          gzipBytes: sum(initial, 'gzipBytes'),
          wireBytes: sum(initial, 'wireBytes'),
          encodings: [...new Set(initial.map((s) => s.encoding ?? 'none'))],
          afterLoad: { files: later.length, gzipBytes: sum(later, 'gzipBytes') },
          list: initial.map((s) => ({ file: new URL(s.url).pathname, raw: s.rawBytes, gzip: s.gzipBytes, contains: s.markers })).sort((a, b) => b.gzip - a.gzip),
        },
      }
      say(`  LCP median ${row.lcp.p50.toFixed(0)} ms, worst ${row.lcp.max.toFixed(0)} ms (${row.lcpElement}); JS ${initial.length} files, ${(row.js.gzipBytes / 1024).toFixed(1)} kB gzip`)
      out.push(row)
    }
  } finally {
    await browser.close()
  }
  return out
}

// ---- plans -------------------------------------------------------------------------------------------

async function explainAll(pool: pg.Pool, captured: CaptureOutput): Promise<{ text: string; summary: Results['plans'] }> {
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

function sampleSql(captured: CaptureOutput): Results['sql'] {
  const out: Results['sql'] = { session: captured.session.waves.flat().map((s) => s.text) }
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const c = captured.cases.find((x) => x.kind === kind)
    if (c) out[kind] = c.waves.map((w) => w.map((s) => s.text))
  }
  return out
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
