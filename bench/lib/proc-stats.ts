// CPU and memory of processes, read from /proc. The machine is shared (other engineers run
// builds and benchmarks on the same 2 cores), so each measured phase records how much CPU our
// processes and everything else used meanwhile.
import { readdirSync, readFileSync } from 'node:fs'

// utime, stime, cutime, cstime are in clock ticks: USER_HZ = 100 on Linux.
const TICKS_PER_SECOND = 100

type ProcStat = { pid: number; comm: string; ppid: number; own: number; reaped: number }

/** A process's CPU seconds (its own, and its reaped children's), or null once it is gone. */
function procStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The fields after the command name, which may hold spaces: split after its closing paren.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const s = (i: number) => Number(f[i]) / TICKS_PER_SECOND
    return { pid, comm, ppid: Number(f[1]), own: s(11) + s(12), reaped: s(13) + s(14) }
  } catch {
    return null
  }
}

function allProcStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procStat(Number(name)))
    .filter((p): p is ProcStat => p !== null)
}

/** CPU time (user + system) a process has used so far, in seconds, or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  return procStat(pid)?.own ?? null
}

/** CPU seconds used so far by a process tree (live descendants + reaped ones). */
export function treeCpuSeconds(rootPid: number): number {
  const all = allProcStats()
  const root = all.find((p) => p.pid === rootPid)
  if (!root) return 0
  let total = root.own + root.reaped
  const stack = [rootPid]
  while (stack.length) {
    const parent = stack.pop()!
    for (const p of all) {
      if (p.ppid === parent) {
        total += p.own // its reaped children are in the parent's `reaped` once it exits; live ones are walked
        stack.push(p.pid)
      }
    }
  }
  return total
}

/**
 * CPU used by the embedded PostgreSQL this process started: the postmaster, its live backends,
 * and the backends it has reaped (counted in its cutime/cstime). Null with an external server.
 */
export function embeddedPostgresCpuSeconds(): number | null {
  const all = allProcStats()
  const postmaster = all.find((p) => p.ppid === process.pid && p.comm === 'postgres')
  if (!postmaster) return null
  return postmaster.own + postmaster.reaped + all.filter((p) => p.ppid === postmaster.pid).reduce((a, p) => a + p.own, 0)
}

/** Whole-machine busy and total CPU seconds (all cores) from /proc/stat, other tenants included. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const v = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  const total = v.reduce((a, b) => a + b, 0)
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND }
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
