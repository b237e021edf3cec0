// The benchmark's throwaway database: a throwaway embedded PostgreSQL cluster (default), or a
// fresh database on DATABASE_URL's server. Either way it is gone after cleanup, and the committed
// migrations are applied to it as they are (the same SQL files the app ships).
import pg from 'pg'
import { applyMigrations, recreateDatabase } from '../../scripts/lib/migrate-sql'
import { databaseUrl, dropDatabase, startPostgresServer } from '../../scripts/lib/postgres-server'

export type BenchDatabase = {
  url: string
  kind: 'embedded' | 'server'
  /** What it is, for the report: server version and settings that matter to the numbers. */
  describe: () => Promise<Record<string, string>>
  /** Pid of the postmaster when it is ours (embedded), to count its CPU; null otherwise. */
  postmasterPid: () => number | null
  destroy: () => Promise<void>
}

export async function createThrowawayDatabase(opts: { name: string; log: (msg: string) => void }): Promise<BenchDatabase> {
  const server = await startPostgresServer({
    external: process.env.DATABASE_URL,
    cluster: 'bench-pg',
    postgresFlags: [
      // Throwaway data: no fsync and rare checkpoints make the bulk load several times faster.
      // Neither changes how a read is executed, which is all the benchmark measures afterwards.
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_wal_size=8GB',
      '-c', 'checkpoint_timeout=30min',
    ],
  })
  await recreateDatabase(server.adminUrl, opts.name)
  const url = databaseUrl(server.adminUrl, opts.name)
  let destroyed = false
  const db: BenchDatabase = {
    url,
    kind: server.kind === 'embedded' ? 'embedded' : 'server',
    describe: () => describe(url),
    postmasterPid: () => (destroyed ? null : server.pid),
    destroy: async () => {
      if (destroyed) return
      destroyed = true
      // A server we do not own: only our database goes, its settings are never touched.
      if (server.kind === 'external') await dropDatabase(server.adminUrl, opts.name)
      await server.stop()
    },
  }
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

export async function migrate(url: string, migrationsDir: string): Promise<number> {
  return applyMigrations(url, migrationsDir)
}
