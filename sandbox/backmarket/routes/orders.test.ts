import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from '../errors'
import { json, newSeller, setupSandbox } from '../testing'
import type { Order } from '../types'

const sandbox = setupSandbox()
type OrderPage = { count: number; next: string | null; previous: string | null; results: Order[] }

test('GET /ws/orders/{id} returns the full order', async () => {
  const seller = await newSeller(sandbox())
  const created = await seller.order({ lines: [{ sku: 'IPH13-128', quantity: 1 }] })
  const res = await seller.bm(`/ws/orders/${created.order_id}`)
  expect(res.status).toBe(200)
  expect(await json(res)).toEqual(created)
})

test('an order of another token is a 404, like a missing one', async () => {
  const owner = await newSeller(sandbox())
  const stranger = await newSeller(sandbox())
  const order = await owner.order()
  for (const path of [`/ws/orders/${order.order_id}`, '/ws/orders/1']) {
    const res = await stranger.bm(path)
    expect(res.status).toBe(404)
    expect((await json<ErrorResponseV1>(res)).error.code).toBe('not-found')
  }
  const post = await stranger.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'X' } })
  expect(post.status).toBe(404)
})

test('GET /ws/orders never lists states 0 and 8', async () => {
  const seller = await newSeller(sandbox())
  const visible = await Promise.all([1, 10, 3, 9].map((state) => seller.order({ state })))
  await Promise.all([0, 8].map((state) => seller.order({ state })))
  const page = await json<OrderPage>(await seller.bm('/ws/orders?page-size=50'))
  expect(page.results.map((o) => o.order_id).sort()).toEqual(visible.map((o) => o.order_id).sort())
  expect(await json<OrderPage>(await seller.bm('/ws/orders?state=0'))).toMatchObject({ count: 0, results: [] })
})

test('GET /ws/orders filters by state and country_code', async () => {
  const seller = await newSeller(sandbox())
  const fr = await seller.order({ country_code: 'fr-fr' })
  const gb = await seller.order({ country_code: 'en-gb' })
  const shipped = await seller.order({ state: 9, country_code: 'en-gb' })
  const byState = await json<OrderPage>(await seller.bm('/ws/orders?state=1'))
  expect(byState.results.map((o) => o.order_id)).toEqual([fr.order_id, gb.order_id])
  const byCountry = await json<OrderPage>(await seller.bm('/ws/orders?country_code=en-gb'))
  expect(byCountry.results.map((o) => o.order_id)).toEqual([gb.order_id, shipped.order_id])
  expect(byCountry.results[0]?.shipping_address.country).toBe('GB')
})

test('date filters are lower bounds, in RFC 3339 or "YYYY-MM-DD HH:MM:SS"', async () => {
  const seller = await newSeller(sandbox())
  const old = await seller.order({ date_creation: '2026-01-10T08:00:00Z' })
  const recent = await seller.order({ date_creation: '2026-02-10T08:00:00Z' })
  const ids = async (q: string) => (await json<OrderPage>(await seller.bm(`/ws/orders?${q}`))).results.map((o) => o.order_id)
  expect(await ids('date_creation=2026-02-10T08:00:00Z')).toEqual([recent.order_id])
  expect(await ids('date_creation=2026-02-10T09:00:00%2B01:00')).toEqual([recent.order_id])
  expect(await ids('date_creation=2026-01-10%2008:00:00')).toEqual([old.order_id, recent.order_id])
  expect(await ids('date_creation=2026-02-10+08:00:01')).toEqual([])

  // Touching the old order makes it the only one modified since just now.
  const since = new Date().toISOString()
  await seller.bm(`/ws/orders/${old.order_id}`, { body: { order_id: old.order_id, new_state: 4, sku: old.orderlines[0]?.listing } })
  expect(await ids(`date_modification=${encodeURIComponent(since)}`)).toEqual([old.order_id])

  const bad = await seller.bm('/ws/orders?date_creation=yesterday')
  expect(bad.status).toBe(400)
  expect((await json<ErrorResponseV1>(bad)).error.target).toBe('date_creation')
})

test('pagination: default 10, page-size clamped at 50, absolute next/previous keeping the filters', async () => {
  const seller = await newSeller(sandbox())
  for (let i = 0; i < 55; i++) await seller.order()
  const first = await json<OrderPage>(await seller.bm('/ws/orders?state=1'))
  expect(first).toMatchObject({ count: 55, previous: null })
  expect(first.results).toHaveLength(10)

  const big = await json<OrderPage>(await seller.bm('/ws/orders?state=1&page-size=500'))
  expect(big.results).toHaveLength(50)
  const next = new URL(big.next ?? '')
  expect(`${next.protocol}//${next.host}`).toBe(sandbox().url)
  expect(Object.fromEntries(next.searchParams)).toEqual({ state: '1', 'page-size': '500', page: '2' })

  // Following the absolute `next` link ends on the last page.
  const second = await json<OrderPage>(await seller.bm(next.pathname + next.search))
  expect(second.results).toHaveLength(5)
  expect(second.next).toBeNull()
  expect(new URL(second.previous ?? '').searchParams.get('page')).toBe('1')
  const all = [...big.results, ...second.results].map((o) => o.order_id)
  expect(new Set(all).size).toBe(55)
  expect((await seller.bm('/ws/orders?page=3&page-size=50')).status).toBe(404)
})

test('GET /ws/orders/{id} with a non-integer id is a 400', async () => {
  const seller = await newSeller(sandbox())
  const res = await seller.bm('/ws/orders/abc')
  expect(res.status).toBe(400)
  expect((await json<ErrorResponseV1>(res)).error.target).toBe('order_id')
})
