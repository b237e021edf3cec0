// `tsx sandbox/backmarket/bench.ts [stateFile]` — 1,000 orders then 10,000 updates over HTTP,
// 50 in flight, with persistence on. Prints timings; the state file must stay consistent.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startSandbox } from './server'
import { newSeller } from './testing-client'

const dir = await mkdtemp(path.join(tmpdir(), 'bm-sandbox-bench-'))
const file = process.argv[2] ?? path.join(dir, 'state.json')
const sb = await startSandbox({ port: 0, stateFile: file, limits: { requests: 1e9, skuLinesPerHour: 1e9 } })
const seller = await newSeller(sb)
const listing = await seller.listing('BENCH', 1_000_000)

async function timed(label: string, calls: Array<() => Promise<Response>>, width = 50) {
  const t0 = performance.now()
  let next = 0
  let failed = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let call = calls[next++]; call; call = calls[next++]) {
        const res = await call()
        await res.arrayBuffer()
        if (res.status >= 400) failed++
      }
    }),
  )
  const ms = performance.now() - t0
  console.log(`${label}: ${calls.length} calls in ${ms.toFixed(0)} ms (${((calls.length / ms) * 1000).toFixed(0)}/s), ${failed} failed`)
}

const orders = await Promise.all(Array.from({ length: 1_000 }, (_, i) => seller.order({ lines: [{ sku: `BENCH-${i}` }] })))
const body = (o: (typeof orders)[number], extra: Record<string, unknown>) => ({ order_id: o.order_id, sku: o.orderlines[0]?.listing, ...extra })
await timed('accept', orders.map((o) => () => seller.bm(`/ws/orders/${o.order_id}`, { body: body(o, { new_state: 2 }) })))
await timed('stock', Array.from({ length: 7_000 }, (_, i) => () => seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: i } })))
await timed('ship', orders.map((o) => () => seller.bm(`/ws/orders/${o.order_id}`, { body: body(o, { new_state: 3, tracking_number: 'T' }) })))
await timed('refund', orders.map((o) => () => seller.bm(`/ws/orders/${o.order_id}`, { body: body(o, { new_state: 6, return_reason: 21 }) })))
await timed('list', Array.from({ length: 1_000 }, () => () => seller.bm('/ws/orders?page-size=50')))
const t0 = performance.now()
await sb.close()
const saved = await readFile(file, 'utf8')
console.log(`close + flush ${(performance.now() - t0).toFixed(0)} ms; state file ${(saved.length / 1e6).toFixed(1)} MB`)
await rm(dir, { recursive: true, force: true })
