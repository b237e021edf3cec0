// The clients of bench:events: `concurrency` keep-alive loops on node:http (lighter on the shared
// cores than fetch), each POSTing the next unsent batch as soon as its last one is answered. A
// batch that gets no 202 (connection refused or reset while the app is down, a 5xx, a 429) is sent
// again, the same body, after a short backoff, until it is acknowledged: the ids make the resend
// idempotent. An event counts as acknowledged when a 202 answered it "accepted" or "duplicate".
import http from 'node:http'
import type { WarehouseEventInput } from '@/lib/warehouse-events/event-schema'
import { quantile, sleep } from '../dashboard/load'

export type LoadResult = {
  seconds: number
  events: number
  eventsPerSecond: number
  requests: number
  /** Answers by HTTP status, with 'network' for no answer at all. */
  statuses: Record<string, number>
  /** Per-event results of the 202s. */
  results: Record<string, number>
  /** Event ids (by merchant) acknowledged. */
  acked: Map<string, Set<string>>
  batchP50Ms: number
  batchP99Ms: number
}

type Batch = { body: string; events: WarehouseEventInput[] }

const MAX_ATTEMPTS = 60

export type LoadOptions = {
  port: number
  key: string | null
  concurrency: number
  /** Called with how many batches were acknowledged so far, after each acknowledgement. */
  onProgress?: (acked: number, total: number) => void
}

function post(agent: http.Agent, port: number, key: string | null, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
    if (key) headers.authorization = `Bearer ${key}`
    const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/warehouse/events', method: 'POST', agent, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      res.on('error', reject)
    })
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(body)
  })
}

export async function sendAll(eventBatches: WarehouseEventInput[][], opts: LoadOptions): Promise<LoadResult> {
  const batches: Batch[] = eventBatches.map((events) => ({ events, body: JSON.stringify({ events }) }))
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency })
  const statuses: Record<string, number> = {}
  const results: Record<string, number> = {}
  const acked = new Map<string, Set<string>>()
  const latencies: number[] = []
  let next = 0
  let done = 0
  let requests = 0
  const count = (k: string) => (statuses[k] = (statuses[k] ?? 0) + 1)

  const client = async () => {
    for (let i = next++; i < batches.length; i = next++) {
      const batch = batches[i]!
      for (let attempt = 0; ; attempt++) {
        const t0 = performance.now()
        requests++
        let last: string
        try {
          const res = await post(agent, opts.port, opts.key, batch.body)
          count(String(res.status))
          if (res.status === 202) {
            latencies.push(performance.now() - t0)
            record(batch, JSON.parse(res.text) as { results: { id: string; result: string }[] })
            break
          }
          last = `HTTP ${res.status} ${res.text.slice(0, 300)}`
        } catch (err) {
          count('network')
          last = err instanceof Error ? err.message : String(err)
        }
        // Two minutes of refusals is not a restart any more: a broken build, say so.
        if (attempt >= MAX_ATTEMPTS) throw new Error(`batch ${i} still refused after ${MAX_ATTEMPTS} attempts: ${last}`)
        await sleep(Math.min(2_000, 100 * 2 ** attempt))
      }
      opts.onProgress?.(++done, batches.length)
    }
  }
  const record = (batch: Batch, answer: { results: { id: string; result: string }[] }) => {
    answer.results.forEach((r, j) => {
      results[r.result] = (results[r.result] ?? 0) + 1
      if (r.result !== 'accepted' && r.result !== 'duplicate') return
      const merchantId = batch.events[j]!.merchantId
      let ids = acked.get(merchantId)
      if (!ids) acked.set(merchantId, (ids = new Set()))
      ids.add(r.id)
    })
  }

  const t0 = performance.now()
  await Promise.all(Array.from({ length: opts.concurrency }, client))
  const seconds = (performance.now() - t0) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const events = batches.reduce((a, b) => a + b.events.length, 0)
  return { seconds, events, eventsPerSecond: events / seconds, requests, statuses, results, acked, batchP50Ms: quantile(latencies, 0.5), batchP99Ms: quantile(latencies, 0.99) }
}
