// The pages phase of bench:dashboard alone (snapshot, seed, build, `next start`, every page in
// Chromium), for work on the pages: a few minutes instead of the whole run, and no dependence on
// the API phases. The figures to report come from the full bench:dashboard run.
//
//   node --import tsx bench/dashboard/pages-main.ts --quick [--lcp-runs R] [--merchants M --orders N]
//   PAGES=/login,/connection-issues …   only the pages whose route is listed
//   PAGES_FROM=worktree                  build the whole working tree (default: HEAD, plus the working
//                                        tree's changes to the pages' own files: others' unfinished
//                                        work elsewhere must not fail this build)
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from '../../scripts/lib/postgres-server'
import { cleanup, installCleanupHandlers, onCleanup, tempWorkDir } from '../lib/cleanup'
import { ROOT, runToEnd, spawnLogged, type Env } from '../lib/procs'
import { createThrowawayDatabase, migrate } from './db'
import { sizes, say } from './options'
import { measurePages } from './pages'
import { seedDashboard } from './seed'
import { waitForHttp } from './servers'
import { createCases } from './sessions'
import { makeSnapshot } from './snapshot'

const resultsDir = path.join(ROOT, 'bench/dashboard/results', `pages-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`)
const logDir = path.join(resultsDir, 'logs')

// The files the pages work changes (design11.md, H5): their working-tree state goes over HEAD's.
const PAGE_FILES = /^(components\/|app\/(?!api\/)|messages\/|next\.config\.|lib\/input\/|lib\/(errors|http)\.ts$|instrumentation-client|lib\/webhooks\/|lib\/backmarket\/market|lib\/api-keys\/|lib\/addresses\/|lib\/sync\/dismiss-|lib\/.+\/[^/]*-(schema|input|body|schemas)\.ts$)/

function overlayPageFiles(appDir: string): void {
  const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.slice(3))
    .filter((f) => f && PAGE_FILES.test(f))
  for (const f of changed) {
    if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(appDir, f))
    else rmSync(path.join(appDir, f), { force: true })
  }
  say(`HEAD + ${changed.length} changed page files: ${changed.join(' ')}`)
}

/** PAGES_COMMIT=<rev>: that commit's app, to measure the pages before a change. */
function snapshotOf(commit: string, appDir: string): { commit: string; dirty: string[] } {
  mkdirSync(appDir, { recursive: true })
  execFileSync('sh', ['-c', `git archive --format=tar "$0" | tar -x -C "$1"`, commit, appDir], { cwd: ROOT })
  rmSync(path.join(appDir, 'bench'), { recursive: true, force: true })
  cpSync(path.join(ROOT, 'lib/generated'), path.join(appDir, 'lib/generated'), { recursive: true })
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(appDir, 'node_modules')])
  return { commit, dirty: [] }
}

async function main(): Promise<void> {
  installCleanupHandlers()
  mkdirSync(logDir, { recursive: true })
  const load = loadavg().map((x) => x.toFixed(2)).join(' ')
  const appDir = path.join(tempWorkDir('bm-bench-pages-'), 'app')
  const whole = process.env.PAGES_FROM === 'worktree'
  const commit = process.env.PAGES_COMMIT
  const snapshot = commit ? snapshotOf(commit, appDir) : makeSnapshot(appDir, !whole)
  if (!whole && !commit) overlayPageFiles(appDir)
  say(`snapshot of ${snapshot.commit.slice(0, 10)} (+${snapshot.dirty.length} changed files); load ${load}`)
  const db = await createThrowawayDatabase({ name: `bm_bench_pages_${process.pid}`, log: say })
  onCleanup('drop the database', () => db.destroy())
  // An older commit runs on today's schema (the generated client is the working tree's): extra
  // columns are harmless to older code, missing ones would not be.
  await migrate(db.url, path.join(commit ? ROOT : appDir, 'prisma/migrations'))
  await seedDashboard(db.url, sizes, say)
  const nextBin = path.join(appDir, 'node_modules/next/dist/bin/next')
  const env: Env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' }
  delete env.NODE_ENV
  say('next build…')
  await runToEnd('next-build', process.execPath, [nextBin, 'build'], { cwd: appDir, env, logDir })
  const port = await freePort()
  const app = spawnLogged('next-start', process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { ...env, DATABASE_URL: db.url, TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'), BACKMARKET_API_URL: 'http://127.0.0.1:9', SERVICE_NAME: 'bench-app' },
    logDir,
  })
  await waitForHttp(port, '/api/health', 'next start', app)
  const pool = new pg.Pool({ connectionString: db.url, max: 4 })
  pool.on('error', () => {})
  onCleanup('close the pool', () => pool.end())
  const [c] = await createCases(pool, sizes, 1)
  const only = process.env.PAGES?.split(',')
  const pages = await measurePages(port, c!, pool, only)
  writeFileSync(path.join(resultsDir, 'pages.json'), JSON.stringify({ commit: snapshot.commit, dirty: snapshot.dirty, load, pages }, null, 2))
  for (const p of pages) {
    console.log(`| ${p.path} | ${(p.js.gzipBytes / 1024).toFixed(1)} (${p.js.files}) | ${p.lcp.p50.toFixed(0)} / ${p.lcp.max.toFixed(0)} |`)
  }
  // PAGES_KEEP=<dir>: keep the built bundles, to read what a chunk holds.
  if (process.env.PAGES_KEEP) cpSync(path.join(appDir, '.next/static'), process.env.PAGES_KEEP, { recursive: true })
  say(`${path.relative(ROOT, resultsDir)}/pages.json`)
}

main()
  .then(() => cleanup())
  .catch(async (err: unknown) => {
    console.error(err)
    await cleanup()
    process.exitCode = 1
  })
