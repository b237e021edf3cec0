// CPU per measured phase, in cores: the app, the bare server, PostgreSQL, the load client, and
// everything else on the (shared) machine meanwhile.
import { machineCpuSeconds, treeCpuSeconds } from '../lib/proc-stats'
import type { Proc } from '../lib/procs'
import type { BenchDatabase } from './db'
import type { CpuUse } from './report'

export type CpuProbe = { wall: number; machine: { busy: number; total: number }; app: number; bare: number; pg: number | null; client: number }

export function probe(app: Proc | null, bare: Proc | null, db: BenchDatabase): CpuProbe {
  const pgPid = db.postmasterPid()
  const u = process.cpuUsage()
  return {
    wall: performance.now(),
    machine: machineCpuSeconds(),
    app: app ? treeCpuSeconds(app.pid) : 0,
    bare: bare ? treeCpuSeconds(bare.pid) : 0,
    pg: pgPid ? treeCpuSeconds(pgPid) : null,
    client: (u.user + u.system) / 1e6,
  }
}

/** CPU use over several phases, weighted by their wall time. */
export function sumCpu(xs: CpuUse[]): CpuUse {
  const wall = xs.reduce((a, x) => a + x.wallSeconds, 0)
  const w = (f: (x: CpuUse) => number | null) => (xs.some((x) => f(x) === null) ? null : Math.round((xs.reduce((a, x) => a + f(x)! * x.wallSeconds, 0) / wall) * 100) / 100)
  const keys = Object.keys(xs[0]?.cores ?? {})
  return {
    wallSeconds: Math.round(wall * 10) / 10,
    cores: Object.fromEntries(keys.map((k) => [k, w((x) => x.cores[k] ?? null)])),
    machineBusyCores: w((x) => x.machineBusyCores) ?? 0,
    otherCores: w((x) => x.otherCores),
  }
}

export function cpuBetween(a: CpuProbe, b: CpuProbe): CpuUse {
  const wall = (b.wall - a.wall) / 1000
  const per = (x: number) => Math.round((x / wall) * 100) / 100
  const pgCores = a.pg === null || b.pg === null ? null : per(b.pg - a.pg)
  const ours = b.app - a.app + (b.bare - a.bare) + (b.client - a.client) + (pgCores === null ? 0 : b.pg! - a.pg!)
  const busy = b.machine.busy - a.machine.busy
  return {
    wallSeconds: Math.round(wall * 10) / 10,
    cores: { app: per(b.app - a.app), bare: per(b.bare - a.bare), postgres: pgCores, client: per(b.client - a.client) },
    machineBusyCores: per(busy),
    // Everything else on the machine meanwhile (other people's builds, tests, benchmarks).
    otherCores: pgCores === null ? null : Math.max(0, per(busy - ours)),
  }
}
