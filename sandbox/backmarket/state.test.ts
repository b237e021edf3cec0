import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { startSandbox } from './server'
import { createStore } from './state'
import { json, newSeller, USER_AGENT } from './testing'
import type { Order } from './types'

async function tempStateFile() {
  const dir = await mkdtemp(path.join(tmpdir(), 'bm-sandbox-'))
  return { dir, file: path.join(dir, 'nested', 'state.json'), cleanup: () => rm(dir, { recursive: true, force: true }) }
}

test('state survives a restart on the same file, and ids keep increasing', async () => {
  const { dir, file, cleanup } = await tempStateFile()
  try {
    const first = await startSandbox({ port: 0, stateFile: file })
    const seller = await newSeller(first)
    await seller.listing('KEPT', 4)
    const order = await seller.order({ lines: [{ sku: 'KEPT' }] })
    await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'KEPT' } })
    const before = await json<Order>(await seller.bm(`/ws/orders/${order.order_id}`))
    await first.close()

    const second = await startSandbox({ port: 0, stateFile: file })
    try {
      // Same token, new process: the account came back from the file.
      const get = (p: string) => fetch(`${second.url}${p}`, withAuth(seller.token))
      expect(await json(await get(`/ws/orders/${order.order_id}`))).toEqual(before)
      expect((await json<{ quantity: number }>(await get('/ws/listings/detail?sku=KEPT'))).quantity).toBe(3)
      const next = await (await newSeller(second)).order()
      expect(next.order_id).toBeGreaterThan(order.order_id)
    } finally {
      await second.close()
    }
    // Written by rename: no temp file left beside it.
    expect(await readdir(path.join(dir, 'nested'))).toEqual(['state.json'])
  } finally {
    await cleanup()
  }
})

function withAuth(token: string): RequestInit {
  return { headers: { authorization: `Basic ${token}`, 'user-agent': USER_AGENT } }
}

test('changes reach the file shortly after they happen, without waiting for close', async () => {
  const { file, cleanup } = await tempStateFile()
  const sb = await startSandbox({ port: 0, stateFile: file })
  try {
    const seller = await newSeller(sb)
    const order = await seller.order()
    await expect.poll(async () => (await readFile(file, 'utf8').catch(() => '')).includes(String(order.order_id)), { timeout: 2_000 }).toBe(true)
  } finally {
    await sb.close()
    await cleanup()
  }
})

test('a missing state file starts empty; a corrupt one is refused loudly', async () => {
  const { file, cleanup } = await tempStateFile()
  try {
    const store = await createStore({ file })
    expect(store.account('anyone')).toBeUndefined()
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, '{"version": 99}')
    await expect(createStore({ file })).rejects.toThrow(/version/)
  } finally {
    await cleanup()
  }
})

// The full 1,000 orders / 10,000 updates run is bench.ts; this is its quick, asserted sibling.
test('1,000 updates over HTTP with persistence on: fast, and the file ends consistent', async () => {
  const { file, cleanup } = await tempStateFile()
  const sb = await startSandbox({ port: 0, stateFile: file, limits: { requests: 1_000_000, skuLinesPerHour: 1_000_000 } })
  try {
    const seller = await newSeller(sb)
    const listing = await seller.listing('BENCH', 1_000_000)
    const orders: Order[] = []
    for (let i = 0; i < 100; i++) orders.push(await seller.order({ lines: [{ sku: `BENCH-${i}` }] }))

    const t0 = performance.now()
    // 300 order transitions (accept, ship, refund) and 700 stock updates, 50 in flight.
    const calls: Array<() => Promise<Response>> = []
    for (const o of orders) {
      const sku = o.orderlines[0]?.listing
      calls.push(() => seller.bm(`/ws/orders/${o.order_id}`, { body: { order_id: o.order_id, new_state: 2, sku } }))
    }
    for (let i = 0; i < 700; i++) calls.push(() => seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: i } }))
    const ship = orders.map((o) => () => seller.bm(`/ws/orders/${o.order_id}`, { body: { order_id: o.order_id, new_state: 3, tracking_number: `T${o.order_id}` } }))
    const refund = orders.map((o) => () => seller.bm(`/ws/orders/${o.order_id}`, { body: { order_id: o.order_id, new_state: 6, sku: o.orderlines[0]?.listing, return_reason: 21 } }))
    for (const batch of [calls, ship, refund]) {
      const statuses = await runPool(batch, 50)
      expect(statuses.filter((s) => s !== 200)).toEqual([])
    }
    const elapsed = performance.now() - t0
    expect(elapsed).toBeLessThan(10_000)
    await sb.close()
    const saved = JSON.parse(await readFile(file, 'utf8')) as { accounts: Record<string, { orders: Order[] }> }
    expect(saved.accounts[seller.token]?.orders.every((o) => o.state === 9 && o.orderlines[0]?.state === 6)).toBe(true)
  } finally {
    await sb.close()
    await cleanup()
  }
}, 30_000)

async function runPool(calls: Array<() => Promise<Response>>, width: number): Promise<number[]> {
  const statuses: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < calls.length) {
        const call = calls[next++]
        if (!call) break
        const res = await call()
        await res.arrayBuffer()
        statuses.push(res.status)
      }
    }),
  )
  return statuses
}
