// Child processes of both benchmarks (bench:sync, bench:dashboard). Every child is started in its
// own process group (detached) and stopped by signalling the group, so nothing it forks
// (next-server, build workers) outlives the run; each is registered, so that a failure, Ctrl-C or
// SIGTERM still ends all of them (cleanup.ts). TypeScript runs with tsx as a loader
// (`node --import tsx`), not through the tsx CLI: the CLI is a wrapper process, so a SIGKILL sent
// to it would leave the real program running, and its RSS would not be the program's.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, readFileSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** Environment for a child (Next's types make NODE_ENV required in NodeJS.ProcessEnv; children may go without). */
export type Env = Record<string, string | undefined>

export type Proc = {
  name: string
  pid: number
  child: ChildProcess
  logFile: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

type SpawnOptions = { cwd: string; env: Env; logDir: string; onStdout?: (chunk: string) => void }

const live = new Set<Proc>()

/** Node's arguments to run a TypeScript file; `reactServer` resolves `server-only` as the app's server code does. */
export function nodeTs(script: string, { reactServer = false } = {}): string[] {
  return [...(reactServer ? ['--conditions=react-server'] : []), '--import', 'tsx', script]
}

/** Starts a command, its stdout and stderr appended to `<logDir>/<name>.log`. */
export function spawnLogged(name: string, cmd: string, args: string[], opts: SpawnOptions): Proc {
  const logFile = path.join(opts.logDir, `${name}.log`)
  const out = createWriteStream(logFile, { flags: 'a' })
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout!.pipe(out, { end: false })
  child.stderr!.pipe(out, { end: false })
  if (opts.onStdout) child.stdout!.on('data', (c: Buffer) => opts.onStdout!(c.toString()))
  if (!child.pid) throw new Error(`${name} did not start`)
  const proc: Proc = {
    name,
    pid: child.pid,
    child,
    logFile,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(proc)
        setTimeout(() => out.end(), 50) // let the pipes drain first
        resolve({ code, signal })
      }),
    ),
  }
  live.add(proc)
  return proc
}

/** A TypeScript file of the repository run by node from the repository's root (server code's conditions). */
export function spawnTs(name: string, script: string, env: Env, logDir: string, args: string[] = [], nodeArgs: string[] = []): Proc {
  return spawnLogged(name, process.execPath, [...nodeArgs, ...nodeTs(path.join(ROOT, script), { reactServer: true }), ...args], { cwd: ROOT, env, logDir })
}

export function isRunning(p: Proc): boolean {
  return p.child.exitCode === null && p.child.signalCode === null
}

export function killGroup(p: Proc, signal: NodeJS.Signals): void {
  try {
    process.kill(-p.pid, signal) // the whole group: next start forks next-server workers
  } catch {
    try {
      p.child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the group (a graceful stop), SIGKILL after `graceMs`; also sweeps the group once the leader is gone. */
export async function stopProc(p: Proc, graceMs = 10_000): Promise<void> {
  if (isRunning(p)) {
    killGroup(p, 'SIGTERM')
    const timer = setTimeout(() => killGroup(p, 'SIGKILL'), graceMs)
    await p.exited
    clearTimeout(timer)
  }
  killGroup(p, 'SIGKILL') // stragglers of the group, if any
}

export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...live].map((p) => stopProc(p, graceMs).catch(() => {})))
}

/** Last resort (on 'exit', where nothing asynchronous runs any more): kill whatever is left. */
export function killAllNow(): void {
  for (const p of live) killGroup(p, 'SIGKILL')
}

export function tail(p: Proc, lines = 40): string {
  try {
    return readFileSync(p.logFile, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Runs a command to completion and gives its stdout; rejects with the end of its log when it fails. */
export async function runToEnd(name: string, cmd: string, args: string[], opts: Omit<SpawnOptions, 'onStdout'>): Promise<string> {
  let stdout = ''
  const p = spawnLogged(name, cmd, args, { ...opts, onStdout: (s) => (stdout += s) })
  const { code, signal } = await p.exited
  if (code !== 0) throw new Error(`${name} failed (${signal ?? code}):\n${tail(p)}`)
  return stdout
}

/** Runs a TypeScript file to completion; its last stdout line is its JSON result. */
export async function runTsForJson<T>(name: string, script: string, env: Env, logDir: string): Promise<T> {
  const stdout = await runToEnd(name, process.execPath, nodeTs(path.join(ROOT, script), { reactServer: true }), { cwd: ROOT, env, logDir })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T
}

/**
 * The environment of a bench's app and workers: this run's database and sandbox, a throwaway token
 * key, no telemetry, quiet logs (LOG_LEVEL overrides).
 */
export function stackEnv({ databaseUrl, backMarketUrl }: { databaseUrl: string; backMarketUrl: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BACKMARKET_API_URL: backMarketUrl,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CHECKPOINT_DISABLE: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  }
}
