// The embedded PostgreSQL as the scripts use it: real initdb and postgres, as whoever runs the
// tests (as root that is the `postgres` system user, from the copied binaries).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { expect, test } from 'vitest'
import { startEmbeddedPostgres } from './embedded-pg'
import { freePort } from './postgres-server'
import { PostgresStartError } from './pg-failure'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => resolve(srv))
  })
}

test('a port another process holds: one line naming the port and what to do, and nothing left behind', async () => {
  const holder = await listenOnFreePort()
  const port = (holder.address() as { port: number }).port
  try {
    const err = await startEmbeddedPostgres({ cluster: 'portcheck-pg', port, persistent: false, portAdvice: 'set DEV_PG_PORT=…' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(PostgresStartError)
    expect((err as Error).message).toBe(`PostgreSQL could not start: port ${port} is in use by another process. Stop it, or set DEV_PG_PORT=….`)
    const leftovers = spawnSync('pgrep', ['-f', 'portcheck-pg'], { encoding: 'utf8' }).stdout.trim()
    expect(leftovers).toBe('')
  } finally {
    holder.close()
  }
}, 60_000)

test('a throwaway cluster serves, stops with no process left, and is removed; one abandoned by a dead run is swept', async () => {
  // A folder as a killed run leaves it: named after a pid that no longer exists.
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
  const port = await freePort()
  const server = await startEmbeddedPostgres({ cluster: 'lifecycle-pg', port, persistent: false })
  const abandoned = path.join(path.dirname(server.dataDir), `lifecycle-pg-${gone.stdout.trim()}-abcdef`)
  mkdirSync(abandoned)
  writeFileSync(path.join(abandoned, 'PG_VERSION'), '18\n')

  const client = new pg.Client({ connectionString: server.url('postgres') })
  await client.connect()
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
  await client.end()
  expect(rows[0]?.v).toMatch(/^18\./)
  expect(alive(server.pid)).toBe(true)

  await server.stop()
  expect(alive(server.pid)).toBe(false)
  expect(existsSync(server.dataDir)).toBe(false)

  const next = await startEmbeddedPostgres({ cluster: 'lifecycle-pg', port, persistent: false })
  await next.stop()
  expect(existsSync(abandoned)).toBe(false)
}, 90_000)
