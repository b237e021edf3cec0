// A PostgreSQL server to make throwaway databases on: the server a URL names (DATABASE_URL and
// the like), whose other databases and settings are never touched, or a throwaway embedded
// cluster on a free port, removed at stop. The benches and the drift check each needed one.
import { createServer } from 'node:net'
import pg from 'pg'
import { startEmbeddedPostgres } from './embedded-pg'

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))))
    })
  })
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  return u.toString()
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await c.end()
  }
}

export type PostgresServer = {
  kind: 'embedded' | 'external'
  /** Its maintenance database, to create and drop others from. */
  adminUrl: string
  /** The postmaster's pid when the cluster is ours (embedded); null on an external server. */
  pid: number | null
  /** Stops and removes an embedded cluster; nothing for an external server. */
  stop: () => Promise<void>
}

export async function startPostgresServer(opts: {
  /** A server's URL (any database on it); without one, an embedded cluster is started. */
  external: string | undefined
  /** The embedded cluster's folder name (a throwaway one gets the pid and a suffix). */
  cluster: string
  postgresFlags?: string[]
}): Promise<PostgresServer> {
  if (opts.external) return { kind: 'external', adminUrl: databaseUrl(opts.external, 'postgres'), pid: null, stop: async () => {} }
  const server = await startEmbeddedPostgres({ cluster: opts.cluster, port: await freePort(), persistent: false, postgresFlags: opts.postgresFlags })
  return { kind: 'embedded', adminUrl: server.url('postgres'), pid: server.pid, stop: server.stop }
}
