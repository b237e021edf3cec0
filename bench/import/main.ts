// `npm run bench:import` — a merchant's first import of 100,000 orders from Back Market:
//   1. a throwaway PostgreSQL with the committed migrations, and the Back Market sandbox in a
//      process of its own (its real limit: 200 requests per 10 s per token, then blocked 10 s);
//   2. per size (10,000 then 100,000 orders): a new seller on the sandbox with that many orders
//      over the last 29 days (2% awaiting acceptance, the rest shipped; POST /__sandbox/orders/bulk),
//      and a fresh database;
//   3. the first import in a child process (import-child.ts: the real importer, client and rate
//      limiter): seconds, orders stored, RSS before / peak (sampled) / growth;
//   4. the requests the sandbox received for that seller (pages read, 429s), and the floor: the
//      fewest pages Back Market's page size allows (50 orders), at 200 requests per 10 s.
// Memory must not grow with orders: the 100,000 import's peak should match the 10,000 one's.
//
//   npm run bench:import                   10,000 and 100,000 orders (≈ 20 min on 2 cores)
//   npm run bench:import -- --sizes 1000,10000   other sizes (--quick = 1000,5000)
//   npm run bench:import -- --help         this text
//   DATABASE_URL=… puts the throwaway databases on that server instead of an embedded PostgreSQL.
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { installCleanupHandlers, onCleanup, runMain } from '../lib/cleanup'
import { ROOT, runTsForJson, stackEnv } from '../lib/procs'
import { printUsageAndExit } from '../lib/usage'
import { startDatabaseServer, startSandboxProcess } from '../sync/stack'
import { renderImportReport, type ImportResult } from './report'

const { values: args } = parseArgs({ options: { help: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false }, sizes: { type: 'string' } } })
if (args.help) printUsageAndExit(import.meta.filename)
const SIZES = (args.sizes ?? (args.quick ? '1000,5000' : '10000,100000')).split(',').map((s) => Number.parseInt(s, 10))
/** Back Market's largest page (docs/backmarket.md §1.3), which the client asks for. */
const PAGE_SIZE = 50
const AWAITING_SHARE = 0.02
const started = Date.now()
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const resultsDir = path.join(ROOT, 'bench/import/results', stamp + (args.quick ? '-quick' : ''))
const logDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-import-'))

function say(msg: string): void {
  console.log(`\x1b[36m[bench:import ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${msg}`)
}

installCleanupHandlers({ graceMs: 5_000 })

async function main(): Promise<number> {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100)
  say(`machine: ${machine}, load ${loadAtStart.join(' ')}; sizes ${SIZES.map((n) => n.toLocaleString('en')).join(', ')}`)
  mkdirSync(resultsDir, { recursive: true })
  const dbServer = await startDatabaseServer()
  onCleanup('drop the databases', () => dbServer.stop())
  const sandbox = await startSandboxProcess('sandbox', logDir)
  onCleanup('stop the sandbox', () => sandbox.stop())
  const results: ImportResult[] = []
  for (const size of SIZES) {
    const token = `bench-import-${size}-${randomBytes(4).toString('hex')}`
    await sandbox.control.createAccount(token)
    let t = Date.now()
    const res = await fetch(`${sandbox.url}/__sandbox/orders/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, count: size, awaitingShare: AWAITING_SHARE }),
    })
    if (res.status !== 201) throw new Error(`bulk orders: HTTP ${res.status} ${await res.text()}`)
    say(`sandbox: ${size.toLocaleString('en')} orders for a new seller in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    const databaseUrl = await dbServer.fresh(`bm_bench_import_${size}_${randomBytes(3).toString('hex')}`)
    t = Date.now()
    const r = await runTsForJson<Omit<ImportResult, 'size' | 'pages' | 'floorPages' | 'floorSeconds' | 'throttled' | 'load'>>(
      `import-${size}`,
      'bench/import/import-child.ts',
      { ...stackEnv({ databaseUrl, backMarketUrl: sandbox.url }), BENCH_IMPORT: JSON.stringify({ token }) },
      logDir,
    )
    const requests = (await sandbox.control.requests(token)) as { method: string; path: string; status: number | null }[]
    const pages = requests.filter((q) => q.method === 'GET' && q.path.startsWith('/ws/orders') && q.status === 200).length
    const throttled = requests.filter((q) => q.status === 429).length
    const awaiting = Math.ceil(size * AWAITING_SHARE)
    // Both sources the importer reads: the orders awaiting acceptance, then every order changed since the lookback.
    const floorPages = Math.ceil(awaiting / PAGE_SIZE) + Math.ceil(size / PAGE_SIZE)
    const row: ImportResult = { size, ...r, pages, throttled, floorPages, floorSeconds: floorPages / 20, load: loadavg().map((l) => Math.round(l * 100) / 100) }
    if (r.stored !== size) throw new Error(`import of ${size}: ${r.stored} orders stored`)
    results.push(row)
    say(
      `import of ${size.toLocaleString('en')}: ${r.seconds} s (floor ${row.floorSeconds} s = ${floorPages} pages at 20/s; ${pages} pages read, ${throttled} × 429), ${r.stored.toLocaleString('en')} stored, ${r.failures} failures; ` +
        `RSS ${r.rssBeforeMb} MB before, peak ${r.peakRssMb} MB (+${r.growthMb} MB), heap peak ${r.heapPeakMb} MB (child ${((Date.now() - t) / 1000).toFixed(0)} s)`,
    )
    await dbServer.drop(new URL(databaseUrl).pathname.slice(1))
  }
  const md = renderImportReport(results, { machine, loadAtStart, loadAtEnd: loadavg().map((l) => Math.round(l * 100) / 100), pageSize: PAGE_SIZE })
  writeFileSync(path.join(resultsDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, loadAtStart, results }, null, 2))
  writeFileSync(path.join(resultsDir, 'results.md'), md)
  console.log(`\n${md}`)
  say(`done; ${path.relative(ROOT, resultsDir)}/results.{json,md}`)
  return 0
}

runMain(main)
