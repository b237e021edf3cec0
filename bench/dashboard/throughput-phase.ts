// Throughput: concurrent keep-alive clients against the app and the bare server, in rounds that
// alternate which goes first, with the CPU each used.
import type { CaptureOutput } from './cases'
import { mergeRounds, sleep, throughput, type ThroughputResult } from './load'
import { opts, say } from './options'
import { cpuBetween, sumCpu, type CpuProbe } from './phase-cpu'
import { fmtCpu, type CpuUse, type Results } from './report'
import type { Servers } from './servers'
import { requestsOf } from './sessions'

export async function measureThroughput(captured: CaptureOutput, { appPort, barePort }: Servers, cpuProbe: () => CpuProbe): Promise<Results['throughput']> {
  const tp: Results['throughput'] = []
  const groups: { name: string; goal: boolean; requests: { path: string; cookie: string }[] }[] = [
    { name: 'orders search (exact + prefix)', goal: true, requests: requestsOf(captured, ['exact', 'prefix']) },
    { name: 'GET /api/connection-issues', goal: true, requests: requestsOf(captured, ['banner']) },
    // Not a goal: what one request costs the framework with next to no work (health's SELECT 1,
    // no session), against the same SELECT 1 behind bare node:http. The ceiling of the ratio.
    { name: 'floor: GET /api/health (SELECT 1, no session)', goal: false, requests: [{ path: '/api/health', cookie: '' }] },
  ]
  for (const [gi, g] of groups.entries()) {
    const reqs = g.requests
    const rounds: Record<'app' | 'bare', { r: ThroughputResult; cpu: CpuUse }[]> = { app: [], bare: [] }
    const seconds = opts.seconds / opts.rounds
    say(`throughput: ${g.name}, ${opts.concurrency} clients, ${opts.rounds} round(s) of ${seconds.toFixed(1)} s per server…`)
    for (let round = 0; round < opts.rounds; round++) {
      // Alternate which server goes first, so a drift in the machine's load does not favour one.
      const order: ['app' | 'bare', number][] = (gi + round) % 2 === 0 ? [['app', appPort], ['bare', barePort]] : [['bare', barePort], ['app', appPort]]
      for (const [name, port] of order) {
        const edges: Partial<Record<'start' | 'end', CpuProbe>> = {}
        const r = await throughput(port, reqs, {
          concurrency: opts.concurrency,
          seconds,
          warmupSeconds: opts.warmupSeconds,
          onWindow: (edge) => (edges[edge] = cpuProbe()),
        })
        const cpu = cpuBetween(edges.start!, edges.end!)
        rounds[name].push({ r, cpu })
        say(`  ${name}: ${r.rps.toFixed(1)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}); CPU cores: ${fmtCpu(cpu)}`)
        await sleep(500)
      }
    }
    const merged = (name: 'app' | 'bare') => {
      const r = mergeRounds(rounds[name].map((x) => x.r))
      const cpu = sumCpu(rounds[name].map((x) => x.cpu))
      // CPU per request of the server under test and of PostgreSQL: unlike req/s, hardly
      // changed by other processes competing for the cores.
      const server = name === 'app' ? cpu.cores.app : cpu.cores.bare
      const perReq = (cores: number | null | undefined) => (cores == null || r.requests === 0 ? null : (cores * cpu.wallSeconds * 1000) / r.requests)
      // latencies emptied: thousands of numbers are not kept in results.json
      return { ...r, latencies: [], cpu, cpuMsPerRequest: { server: perReq(server), postgres: perReq(cpu.cores.postgres) }, rounds: rounds[name].map((x) => Math.round(x.r.rps * 10) / 10) }
    }
    tp.push({ name: g.name, goal: g.goal, app: merged('app'), bare: merged('bare') })
  }
  return tp
}
