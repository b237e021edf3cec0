// Child processes of the benchmark: every one is registered here so that a failure, Ctrl-C or
// SIGTERM still ends all of them. Node is started directly with tsx as a loader (`--import tsx`),
// not through the tsx CLI: the CLI is a wrapper process, so a SIGKILL sent to it would leave the
// real worker running, and its RSS would not be the worker's.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
const NODE_ARGS = ['--conditions=react-server', '--import', 'tsx']

export type Proc = {
  name: string
  pid: number
  child: ChildProcess
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  logFile: string
}

const live = new Set<Proc>()

export function spawnTs(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string, args: string[] = [], nodeArgs: string[] = []): Proc {
  const logFile = path.join(logDir, `${name}.log`)
  const out = createWriteStream(logFile, { flags: 'a' })
  const child = spawn(process.execPath, [...nodeArgs, ...NODE_ARGS, path.join(ROOT, script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.pipe(out, { end: false })
  child.stderr!.pipe(out, { end: false })
  if (!child.pid) throw new Error(`${name} did not start`)
  const proc: Proc = {
    name,
    pid: child.pid,
    child,
    logFile,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(proc)
        // Let the pipes drain before the log is closed.
        setTimeout(() => out.end(), 50)
        resolve({ code, signal })
      }),
    ),
  }
  live.add(proc)
  return proc
}

export function isRunning(p: Proc): boolean {
  return p.child.exitCode === null && p.child.signalCode === null
}

/** SIGTERM (a graceful stop), then SIGKILL if it has not exited after `graceMs`. */
export async function stopProc(p: Proc, graceMs = 15_000): Promise<void> {
  if (!isRunning(p)) return
  p.child.kill('SIGTERM')
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs)
  await p.exited
  clearTimeout(timer)
}

export async function stopAll(graceMs = 15_000): Promise<void> {
  await Promise.all([...live].map((p) => stopProc(p, graceMs)))
}

/** Last resort on exit: nothing asynchronous runs any more, so kill whatever is left. */
export function killAllNow(): void {
  for (const p of live) if (isRunning(p)) p.child.kill('SIGKILL')
}

export function tail(p: Proc, lines = 30): string {
  try {
    return readFileSync(p.logFile, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Resident memory of a process in bytes (VmRSS), or null once it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

/** CPU time (user + system) a process has used so far, in seconds, or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing paren).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null
  }
}

type ProcStat = { pid: number; comm: string; ppid: number; own: number; reaped: number }

function procStats(): ProcStat[] {
  const out: ProcStat[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.push({ pid: Number(name), comm, ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) / 100, reaped: (Number(f[13]) + Number(f[14])) / 100 })
    } catch {
      // gone meanwhile
    }
  }
  return out
}

/**
 * CPU used by the embedded PostgreSQL this process started: the postmaster, its live backends,
 * and the backends it has reaped (counted in its cutime/cstime). Null with an external server.
 */
export function embeddedPostgresCpuSeconds(): number | null {
  const all = procStats()
  const postmaster = all.find((p) => p.ppid === process.pid && p.comm === 'postgres')
  if (!postmaster) return null
  return postmaster.own + postmaster.reaped + all.filter((p) => p.ppid === postmaster.pid).reduce((a, p) => a + p.own, 0)
}

/** Whole-machine CPU counters, to tell how busy the 2 cores were (other tenants included). */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  const total = v.reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

/** Runs a script to completion; its last stdout line is its JSON result. */
export async function runTsForJson<T>(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string): Promise<T> {
  const p = spawnTs(name, script, env, logDir)
  let stdout = ''
  p.child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  const { code, signal } = await p.exited
  if (code !== 0) throw new Error(`${name} failed (${signal ?? code}):\n${tail(p)}`)
  const last = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last) as T
}
