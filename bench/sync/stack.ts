// The infrastructure of one benchmark run, all on free ports: one PostgreSQL (a throwaway
// embedded cluster, or DATABASE_URL's server) with a fresh database per scenario, and one
// sandbox process per scenario (so faults, the request log and its limiter start clean).
import path from 'node:path'
import { applyMigrations, recreateDatabase } from '@/scripts/lib/migrate-sql'
import { databaseUrl, dropDatabase, freePort, startPostgresServer } from '@/scripts/lib/postgres-server'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import { spawnTs, stopProc, tail, type Proc } from '../lib/procs'

export type DatabaseServer = {
  kind: 'embedded' | 'external'
  /** Drops and creates the database, applies the committed migrations, returns its URL. */
  fresh(name: string): Promise<string>
  drop(name: string): Promise<void>
  stop(): Promise<void>
}

export async function startDatabaseServer(): Promise<DatabaseServer> {
  // A throwaway cluster: stop() removes it, and the next run sweeps it if this one is killed.
  const pg = await startPostgresServer({ external: process.env.DATABASE_URL, cluster: 'bench-pg' })
  const created = new Set<string>()
  const server: DatabaseServer = {
    kind: pg.kind,
    async fresh(name) {
      await recreateDatabase(pg.adminUrl, name)
      created.add(name)
      const url = databaseUrl(pg.adminUrl, name)
      await applyMigrations(url, path.resolve(import.meta.dirname, '../../prisma/migrations'))
      return url
    },
    async drop(name) {
      await dropDatabase(pg.adminUrl, name)
      created.delete(name)
    },
    async stop() {
      for (const name of [...created]) await server.drop(name).catch(() => {})
      await pg.stop()
    },
  }
  return server
}

export type RunningSandbox = { url: string; control: SandboxControl; proc: Proc; stop(): Promise<void> }

export async function startSandboxProcess(name: string, logDir: string, env: Record<string, string> = {}): Promise<RunningSandbox> {
  const port = await freePort()
  const proc = spawnTs(name, 'bench/sync/sandbox-main.ts', { ...process.env, ...env, SANDBOX_PORT: String(port) }, logDir)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      const res = await fetch(`${url}/__sandbox/faults`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || proc.child.exitCode !== null) throw new Error(`sandbox did not start:\n${tail(proc)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, control: new SandboxControl(url), proc, stop: () => stopProc(proc, 5_000) }
}
