// `npm run dev`: everything the dashboard needs on one machine, in order, then the URL and the
// demo logins. PostgreSQL is embedded (data in .data/postgres; as root in /var/tmp/bm-dashboard,
// see scripts/lib/pg-runtime.ts) unless DATABASE_URL is set.
// Ctrl-C stops every child and the database; nothing is left running.
// `--e2e` runs the same stack for the browser tests: a throwaway database and sandbox state,
// and `next start` on the production build instead of the dev server.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-pg'
import { PostgresStartError } from './lib/pg-failure'
import { recreateDatabase } from './lib/migrate-sql'
import { DEMO_WAREHOUSE_KEY } from '../lib/api-keys/demo-key'
import { DEMO_MERCHANTS, demoLogins } from './demo/catalogue'

const root = path.resolve(import.meta.dirname, '..')
const E2E = process.argv.includes('--e2e')
const DATA = path.join(root, '.data')
// DEV_STACK=<name> runs a second, separate stack beside the usual one (its own database cluster,
// data folder and Next build folder): for people working on two things in one checkout.
const STACK = process.env.DEV_STACK && /^[a-z0-9-]{1,20}$/.test(process.env.DEV_STACK) ? process.env.DEV_STACK : null
const STACK_DATA = E2E ? path.join(DATA, `e2e-${process.pid}`) : STACK ? path.join(DATA, `stack-${STACK}`) : DATA
// The browser tests' stack has its own ports, so it can run beside a developer's `npm run dev`.
const APP_PORT = Number(process.env.PORT ?? (E2E ? 3100 : 3000))
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? (E2E ? 4110 : 4010))
const PG_PORT = Number(process.env.DEV_PG_PORT ?? (E2E ? 54330 : 54320))
const TSX = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server']
const started = Date.now()
const children: ChildProcess[] = []
let database: RunningPostgres | undefined

const say = (msg: string) => console.log(`\x1b[36m[dev]\x1b[0m ${msg}`)

/** Secrets a developer should not have to invent: made once, kept in the git-ignored .data/. */
function devSecrets(): { TOKEN_ENCRYPTION_KEY: string } {
  const file = path.join(DATA, 'dev-secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const secrets = { TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
  mkdirSync(DATA, { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv, opts: { wait: boolean }): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = `\x1b[35m[${name}]\x1b[0m `
  const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    stream.on('data', (chunk: Buffer) => out.write(chunk.toString().replace(/^(?=.)/gm, prefix)))
  pipe(child.stdout!, process.stdout)
  pipe(child.stderr!, process.stderr)
  if (!opts.wait) {
    children.push(child)
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? code}); stopping everything`)
        void shutdown(1)
      }
    })
    return Promise.resolve()
  }
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed with exit code ${code}`)))),
  )
}

async function waitFor(url: string, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' })
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not come up at ${url} within ${timeoutMs / 1000}s`)
}

async function ensureDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) {
    say(`using DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`)
    if (!E2E) return process.env.DATABASE_URL
    // Browser tests never touch the developer's database: a fresh one beside it.
    const u = new URL(process.env.DATABASE_URL)
    u.pathname = '/postgres'
    await recreateDatabase(u.toString(), 'bm_e2e')
    u.pathname = '/bm_e2e'
    return u.toString()
  }
  const t = Date.now()
  database = await startEmbeddedPostgres({
    cluster: E2E ? 'e2e-pg' : STACK ? `stack-${STACK}-pg` : 'postgres',
    port: PG_PORT,
    persistent: !E2E,
    portAdvice: 'set DEV_PG_PORT=… (another port) or DATABASE_URL=…',
    onUnexpectedExit: (why) => {
      if (stopping) return // Ctrl-C reaches PostgreSQL too
      say(why)
      void shutdown(1)
    },
  })
  const admin = new pg.Client({ connectionString: database.url('postgres') })
  await admin.connect()
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'bm_dashboard'`)
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE bm_dashboard')
  await admin.end()
  // Printed because as root it is not under .data/: a user must be able to find it to reset it.
  const where = database.dataDir.startsWith(`${root}/`) ? path.relative(root, database.dataDir) : database.dataDir
  say(`embedded PostgreSQL on 127.0.0.1:${PG_PORT} (${Date.now() - t} ms), data in ${where}`)
  return database.url('bm_dashboard')
}

let stopping = false
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    if (children.length > 0 || database) say('stopping…')
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve()
            c.once('exit', () => resolve())
            c.kill('SIGTERM')
            setTimeout(() => c.kill('SIGKILL'), 8_000).unref()
          }),
      ),
    )
    await database?.stop().catch(() => {})
    if (E2E) rmSync(STACK_DATA, { recursive: true, force: true })
  }
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

async function main() {
  const databaseUrl = await ensureDatabase()
  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...devSecrets(),
    DATABASE_URL: databaseUrl,
    BACKMARKET_API_URL: process.env.BACKMARKET_API_URL ?? sandboxUrl,
    CHECKPOINT_DISABLE: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    // The demo's and the browser stories' webhook receivers listen on this machine, over plain http.
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    ...(STACK ? { NEXT_DIST_DIR: `.next-${STACK}` } : {}),
  }

  let t = Date.now()
  await run('migrate', [path.join(root, 'scripts/prisma.mjs'), 'migrate', 'deploy'], env, { wait: true })
  say(`migrations applied (${Date.now() - t} ms)`)

  const sandboxEnv = { ...env, SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_STATE_FILE: path.join(STACK_DATA, 'sandbox', 'state.json') }
  await run('sandbox', [...TSX, 'sandbox/backmarket/main.ts'], { ...sandboxEnv, SERVICE_NAME: 'sandbox' }, { wait: false })
  await waitFor(`${sandboxUrl}/__sandbox/faults`, 'the Back Market sandbox', 30_000)

  t = Date.now()
  await run('seed', [...TSX, 'prisma/seed.ts'], env, { wait: true })
  say(`demo data ready (${Date.now() - t} ms)`)

  await run('worker', [...TSX, 'scripts/worker.ts'], { ...env, SERVICE_NAME: 'worker' }, { wait: false })
  const next = path.join(root, 'node_modules/next/dist/bin/next')
  await run('next', [next, E2E ? 'start' : 'dev', '-p', String(APP_PORT)], env, { wait: false })
  const url = `http://localhost:${APP_PORT}`
  await waitFor(`${url}/login`, 'the app')
  const eventsUrl = `${url}/api/v1/warehouse/events`
  // The simulator is a WMS like any other: it reaches the app through the events API, with the key
  // the seed gave the demo warehouse, so it starts once the app answers.
  const simulatorEnv = { ...env, SERVICE_NAME: 'simulator', SIMULATOR_API_URL: eventsUrl, SIMULATOR_API_KEY: DEMO_WAREHOUSE_KEY }
  if (!E2E) await run('simulator', [...TSX, 'scripts/warehouse-simulator.ts'], simulatorEnv, { wait: false })

  const sample = await sampleForCurl(databaseUrl)
  const logins = formatLogins()
  console.log(`
\x1b[32m  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s\x1b[0m

  Dashboard            ${url}
  Back Market sandbox  ${sandboxUrl}  (control API: ${sandboxUrl}/__sandbox/state?token=…)

  Demo logins (one per role; staff sign in to the Merchants overview):
${logins}

  Demo warehouse API key (scope warehouse:write; the simulator posts its events with it):
    ${DEMO_WAREHOUSE_KEY}
  Post one event yourself (a stock count for ${sample.sku} of ${sample.merchant}):
${curlForOneEvent(eventsUrl, sample)}

  Ctrl-C stops everything.
`)
}

/** Each merchant's logins under its name, one line per role, then the staff login. */
function formatLogins(): string {
  const lines: string[] = []
  let merchant = ''
  for (const l of demoLogins()) {
    if (l.merchant !== merchant) lines.push(`    ${(merchant = l.merchant)}`)
    lines.push(`      ${l.role.toLowerCase().padEnd(9)} ${l.email.padEnd(34)} ${l.password}`)
  }
  return lines.join('\n')
}

/** The first demo merchant's id (made by the seed) and one of its SKUs, for the printed curl. */
async function sampleForCurl(databaseUrl: string): Promise<{ merchant: string; merchantId: string; sku: string }> {
  const demo = DEMO_MERCHANTS[0]!
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "Merchant" WHERE name = $1 ORDER BY "createdAt" LIMIT 1', [demo.name])
    if (!rows[0]) throw new Error(`the seed made no merchant named ${demo.name}`)
    return { merchant: demo.name, merchantId: rows[0].id, sku: demo.products[0]!.sku }
  } finally {
    await client.end()
  }
}

/** A curl that works as printed: single quotes around the JSON, a fresh event id each run. */
function curlForOneEvent(eventsUrl: string, sample: { merchantId: string; sku: string }): string {
  const event = {
    id: `curl-${randomBytes(4).toString('hex')}`,
    type: 'stock.level',
    merchantId: sample.merchantId,
    occurredAt: new Date().toISOString(),
    data: { sku: sample.sku, quantity: 17 },
  }
  return [
    `    curl -sS -X POST ${eventsUrl} \\`,
    `      -H 'Authorization: Bearer ${DEMO_WAREHOUSE_KEY}' \\`,
    `      -H 'Content-Type: application/json' \\`,
    `      -d '${JSON.stringify({ events: [event] })}'`,
  ].join('\n')
}

main().catch(async (err) => {
  if (err instanceof PostgresStartError) console.error(`\x1b[31m[dev]\x1b[0m ${err.message}`) // already one line saying what to do
  else console.error(err instanceof Error ? err.message : err)
  await shutdown(1)
})
