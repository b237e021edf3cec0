// The infrastructure of one benchmark run, all on free ports: one PostgreSQL (a throwaway
// embedded cluster, or DATABASE_URL's server) with a fresh database per scenario, and one
// sandbox process per scenario (so faults, the request log and its limiter start clean).
import { createServer } from 'node:net'
import path from 'node:path'
import { startEmbeddedPostgres } from '@/scripts/lib/embedded-pg'
import { applyMigrations, recreateDatabase } from '@/scripts/lib/migrate-sql'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import pg from 'pg'
import { spawnTs, stopProc, tail, type Proc } from '../lib/procs'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))))
    })
  })
}

export type DatabaseServer = {
  kind: 'embedded' | 'external'
  /** Drops and creates the database, applies the committed migrations, returns its URL. */
  fresh(name: string): Promise<string>
  drop(name: string): Promise<void>
  stop(): Promise<void>
}

export async function startDatabaseServer(): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL
  let adminUrl: string
  let stopServer = async () => {}
  const created = new Set<string>()
  if (external) {
    const u = new URL(external)
    u.pathname = '/postgres'
    adminUrl = u.toString()
  } else {
    // A throwaway cluster: stop() removes it, and the next run sweeps it if this one is killed.
    const server = await startEmbeddedPostgres({ cluster: 'bench-pg', port: await freePort(), persistent: false })
    adminUrl = server.url('postgres')
    stopServer = server.stop
  }
  const urlOf = (name: string) => {
    const u = new URL(adminUrl)
    u.pathname = `/${name}`
    return u.toString()
  }
  const server: DatabaseServer = {
    kind: external ? 'external' : 'embedded',
    async fresh(name) {
      await recreateDatabase(adminUrl, name)
      created.add(name)
      const url = urlOf(name)
      await applyMigrations(url, path.resolve(import.meta.dirname, '../../prisma/migrations'))
      return url
    },
    async drop(name) {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        created.delete(name)
      } finally {
        await c.end()
      }
    },
    async stop() {
      for (const name of [...created]) await server.drop(name).catch(() => {})
      await stopServer()
    },
  }
  return server
}

export type RunningSandbox = { url: string; control: SandboxControl; proc: Proc; stop(): Promise<void> }

export async function startSandboxProcess(name: string, logDir: string): Promise<RunningSandbox> {
  const port = await freePort()
  const proc = spawnTs(name, 'bench/sync/sandbox-main.ts', { ...process.env, SANDBOX_PORT: String(port) }, logDir)
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
