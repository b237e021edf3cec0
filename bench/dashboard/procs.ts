// Child processes and cleanup for the dashboard benchmark. Every child is started in its own
// process group (detached) and stopped by signalling the group, so nothing it forks (next-server,
// build workers) outlives the run. Cleanup steps (stop servers, drop the database, remove the
// work directory) are registered as they become needed and run once, on success, on failure and
// on Ctrl-C / SIGTERM alike.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** Environment for a child (Next's types make NODE_ENV required in NodeJS.ProcessEnv; children may go without). */
export type Env = Record<string, string | undefined>

export type Child = {
  name: string
  pid: number
  child: ChildProcess
  logFile: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const live = new Set<Child>()

export function spawnLogged(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Env; logDir: string; onStdout?: (chunk: string) => void },
): Child {
  const logFile = path.join(opts.logDir, `${name}.log`)
  const out = createWriteStream(logFile, { flags: 'a' })
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout!.pipe(out, { end: false })
  child.stderr!.pipe(out, { end: false })
  if (opts.onStdout) child.stdout!.on('data', (c: Buffer) => opts.onStdout!(c.toString()))
  if (!child.pid) throw new Error(`${name} did not start`)
  const proc: Child = {
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

export function isRunning(c: Child): boolean {
  return c.child.exitCode === null && c.child.signalCode === null
}

function killGroup(c: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-c.pid, signal) // the whole group: next start forks next-server workers
  } catch {
    try {
      c.child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; also sweeps the group once the leader is gone. */
export async function stopChild(c: Child, graceMs = 10_000): Promise<void> {
  if (isRunning(c)) {
    killGroup(c, 'SIGTERM')
    const timer = setTimeout(() => killGroup(c, 'SIGKILL'), graceMs)
    await c.exited
    clearTimeout(timer)
  }
  killGroup(c, 'SIGKILL') // stragglers of the group, if any
}

export function tail(c: Child, lines = 40): string {
  try {
    return readFileSync(c.logFile, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Runs a command to completion; rejects with the end of its log when it fails. */
export async function runToEnd(name: string, cmd: string, args: string[], opts: { cwd: string; env: Env; logDir: string }): Promise<string> {
  let stdout = ''
  const c = spawnLogged(name, cmd, args, { ...opts, onStdout: (s) => (stdout += s) })
  const { code, signal } = await c.exited
  if (code !== 0) throw new Error(`${name} failed (${signal ?? code}):\n${tail(c)}`)
  return stdout
}

// ---- cleanup ------------------------------------------------------------------------------

type Step = { label: string; fn: () => Promise<void> | void }
const steps: Step[] = []
const exitSteps: (() => void)[] = []

/** A synchronous step for the 'exit' event, when nothing asynchronous can run any more (rm of a dir). */
export function onExitSync(fn: () => void): void {
  exitSteps.push(fn)
}
let running: Promise<void> | undefined

/** Registers a cleanup step; steps run in reverse order of registration (last started, first stopped). */
export function onCleanup(label: string, fn: () => Promise<void> | void): void {
  steps.push({ label, fn })
}

export function cleanup(): Promise<void> {
  running ??= (async () => {
    for (const c of [...live]) await stopChild(c).catch(() => {})
    while (steps.length) {
      const step = steps.pop()!
      try {
        await step.fn()
      } catch (err) {
        console.error(`cleanup: ${step.label} failed: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  })()
  return running
}

/** Ctrl-C, SIGTERM and a crash still clean up; a second signal exits at once after a best-effort kill. */
export function installCleanupHandlers(): void {
  let signalled = 0
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      signalled++
      if (signalled > 1) {
        for (const c of live) killGroup(c, 'SIGKILL')
        process.exit(130)
      }
      console.error(`\n${sig}: cleaning up…`)
      void cleanup().finally(() => process.exit(130))
    })
  }
  process.on('exit', () => {
    // Synchronous last resort (nothing async runs here): no child survives us.
    for (const c of live) killGroup(c, 'SIGKILL')
    for (const fn of exitSteps) {
      try {
        fn()
      } catch {
        // best effort
      }
    }
  })
}

// ---- CPU accounting -----------------------------------------------------------------------
// The machine is shared (other engineers run builds and benchmarks on the same 2 cores), so each
// measured phase records how much CPU our processes and everything else used meanwhile.

/** utime+stime of a process and its reaped children, in seconds; null once it is gone. */
function procCpu(pid: number): { own: number; reaped: number; ppid: number; comm: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { own: (Number(f[11]) + Number(f[12])) / 100, reaped: (Number(f[13]) + Number(f[14])) / 100, ppid: Number(f[1]), comm }
  } catch {
    return null
  }
}

/** CPU seconds used so far by a process tree (live descendants + reaped ones). */
export function treeCpuSeconds(rootPid: number): number {
  const all = new Map<number, NonNullable<ReturnType<typeof procCpu>>>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const p = procCpu(Number(name))
    if (p) all.set(Number(name), p)
  }
  const root = all.get(rootPid)
  if (!root) return 0
  let total = root.own + root.reaped
  const stack = [rootPid]
  while (stack.length) {
    const parent = stack.pop()!
    for (const [pid, p] of all) {
      if (p.ppid === parent) {
        total += p.own // its reaped children are in the parent's `reaped` once it exits; live ones are walked
        stack.push(pid)
      }
    }
  }
  return total
}

/** Whole-machine busy and total CPU seconds (all cores) from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const v = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  const total = v.reduce((a, b) => a + b, 0)
  return { busy: (total - idle) / 100, total: total / 100 }
}
