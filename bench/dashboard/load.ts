// The HTTP side of the measurements: one-at-a-time requests for latency, and N concurrent
// keep-alive clients for throughput (an autocannon-like loop on node:http, which costs the
// client less CPU than fetch; the client shares the 2 cores with the servers, so it is kept lean).
import http from 'node:http'

export type Target = { name: string; port: number }

export type Sample = { ms: number; status: number; bytes: number }

export function newAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
}

/** One GET to 127.0.0.1, body read to the end; time from the call to the last byte. */
export function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { cookie, accept: 'application/json' } }, (res) => {
      let bytes = 0
      res.on('data', (c: Buffer) => (bytes += c.length))
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

export type ThroughputResult = {
  seconds: number
  requests: number
  errors: number
  rps: number
  p50: number
  p99: number
  statuses: Record<string, number>
  /** Sorted latencies of the 200s, to merge rounds. */
  latencies: number[]
}

/**
 * `concurrency` loops, each sending its next request as soon as the previous answer is read,
 * round-robin over `requests`. A warm-up (not counted) first; then requests completed within
 * the measured window are counted. Non-200 answers are errors (and not counted as throughput).
 */
export async function throughput(
  port: number,
  requests: { path: string; cookie: string }[],
  opts: { concurrency: number; seconds: number; warmupSeconds: number; onWindow?: (edge: 'start' | 'end') => void },
): Promise<ThroughputResult> {
  const agent = newAgent(opts.concurrency)
  let next = 0
  let measuring = false
  let stop = false
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  const loop = async () => {
    while (!stop) {
      const r = requests[next++ % requests.length]!
      try {
        const s = await get(agent, port, r.path, r.cookie)
        if (!measuring || stop) continue
        statuses[s.status] = (statuses[s.status] ?? 0) + 1
        if (s.status === 200) latencies.push(s.ms)
        else errors++
      } catch {
        if (measuring && !stop) errors++
      }
    }
  }
  const loops = Array.from({ length: opts.concurrency }, loop)
  await sleep(opts.warmupSeconds * 1000)
  // The window counts answers completed within it; onWindow lets the caller read CPU counters at
  // the same edges, so CPU per request is not inflated by the warm-up or the drain.
  opts.onWindow?.('start')
  measuring = true
  const t0 = performance.now()
  await sleep(opts.seconds * 1000)
  stop = true
  const seconds = (performance.now() - t0) / 1000
  opts.onWindow?.('end')
  await Promise.all(loops)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    seconds,
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    statuses,
    latencies,
  }
}

/** Several rounds of one server as one result: totals over the summed measuring time. */
export function mergeRounds(rounds: ThroughputResult[]): ThroughputResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b)
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0)
  const statuses: Record<string, number> = {}
  for (const r of rounds) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v
  return {
    seconds,
    requests: latencies.length,
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    statuses,
    latencies,
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/** Quantile of a sorted array (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export function summarize(values: number[]): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...values].sort((a, b) => a - b)
  return {
    n: s.length,
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s.at(-1) ?? Number.NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  }
}
