// Throughput: concurrent keep-alive clients against the app and the bare server, in rounds that
// alternate which goes first, with the CPU each used. When the run also started the app in N
// processes (--app-processes), it takes its turn in the same rounds, and its rows (", N app
// processes") are set against the same bare-server measurement: one process against N, one run.
import { treeCpuSeconds } from '../lib/proc-stats'
import { stopProc } from '../lib/procs'
import type { CaptureOutput } from './cases'
import { mergeRounds, sleep, throughput, type ThroughputResult } from './load'
import { opts, say } from './options'
import { cpuBetween, sumCpu, type CpuProbe } from './phase-cpu'
import { fmtCpu, type CpuUse, type Results } from './report'
import type { Servers } from './servers'
import { requestsOf } from './sessions'

type Name = 'app' | 'appN' | 'bare'

export async function measureThroughput(captured: CaptureOutput, servers: Servers, cpuProbe: () => CpuProbe): Promise<Results['throughput']> {
  const { appPort, barePort } = servers
  // Started here, not with the others: it runs for this phase only (its memory and its pool's
  // connections are no part of the latency or page measurements).
  const appN = opts.appProcesses > 1 ? await servers.startAppN(opts.appProcesses) : undefined
  const tp: Results['throughput'] = []
  const groups: { name: string; goal: boolean; requests: { path: string; cookie: string }[] }[] = [
    { name: 'orders search (exact + prefix)', goal: true, requests: requestsOf(captured, ['exact', 'prefix']) },
    { name: 'GET /api/connection-issues', goal: true, requests: requestsOf(captured, ['banner']) },
    // Not a goal: what one request costs the framework with next to no work (health's SELECT 1,
    // no session), against the same SELECT 1 behind bare node:http. The ceiling of the ratio.
    { name: 'floor: GET /api/health (SELECT 1, no session)', goal: false, requests: [{ path: '/api/health', cookie: '' }] },
  ]
  const targets: [Name, number][] = [['app', appPort], ...(appN ? [['appN', appN.port] as [Name, number]] : []), ['bare', barePort]]
  // The probe reads the one-process app's CPU as `app`; for the N-process app, its own tree's.
  const probeFor = (name: Name): CpuProbe => {
    const p = cpuProbe()
    return name === 'appN' && appN ? { ...p, app: treeCpuSeconds(appN.proc.pid) } : p
  }
  for (const [gi, g] of groups.entries()) {
    const reqs = g.requests
    const rounds: Record<Name, { r: ThroughputResult; cpu: CpuUse }[]> = { app: [], appN: [], bare: [] }
    const seconds = opts.seconds / opts.rounds
    say(`throughput: ${g.name}, ${opts.concurrency} clients, ${opts.rounds} round(s) of ${seconds.toFixed(1)} s per server…`)
    for (let round = 0; round < opts.rounds; round++) {
      // Rotate which server goes first, so a drift in the machine's load does not favour one.
      const shift = (gi + round) % targets.length
      for (const [name, port] of [...targets.slice(shift), ...targets.slice(0, shift)]) {
        const edges: Partial<Record<'start' | 'end', CpuProbe>> = {}
        const r = await throughput(port, reqs, {
          concurrency: opts.concurrency,
          seconds,
          warmupSeconds: opts.warmupSeconds,
          onWindow: (edge) => (edges[edge] = probeFor(name)),
        })
        const cpu = cpuBetween(edges.start!, edges.end!)
        rounds[name].push({ r, cpu })
        say(`  ${label(name)}: ${r.rps.toFixed(1)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}); CPU cores: ${fmtCpu(cpu)}`)
        await sleep(500)
      }
    }
    const merged = (name: Name) => {
      const r = mergeRounds(rounds[name].map((x) => x.r))
      const cpu = sumCpu(rounds[name].map((x) => x.cpu))
      // CPU per request of the server under test and of PostgreSQL: unlike req/s, hardly
      // changed by other processes competing for the cores.
      const server = name === 'bare' ? cpu.cores.bare : cpu.cores.app
      const perReq = (cores: number | null | undefined) => (cores == null || r.requests === 0 ? null : (cores * cpu.wallSeconds * 1000) / r.requests)
      // latencies emptied: thousands of numbers are not kept in results.json
      return { ...r, latencies: [], cpu, cpuMsPerRequest: { server: perReq(server), postgres: perReq(cpu.cores.postgres) }, rounds: rounds[name].map((x) => Math.round(x.r.rps * 10) / 10) }
    }
    const bare = merged('bare')
    tp.push({ name: g.name, goal: g.goal, app: merged('app'), bare })
    if (appN) tp.push({ name: `${g.name}, ${appN.processes} app processes`, goal: false, app: merged('appN'), bare })
  }
  if (appN) await stopProc(appN.proc)
  return tp

  function label(name: Name): string {
    return name === 'appN' ? `app ×${appN!.processes}` : name
  }
}
