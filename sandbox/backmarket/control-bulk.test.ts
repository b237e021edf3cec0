import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from './errors'
import type { Page } from './paginate'
import { control, json, newSeller, setupSandbox } from './testing'
import type { Order } from './types'

const sandbox = setupSandbox()

test('POST /orders/bulk places count orders over the last days, every 50th awaiting acceptance, the rest shipped', async () => {
  const seller = await newSeller(sandbox())
  const res = await control<{ created: number; firstOrderId: number; lastOrderId: number }>(sandbox(), 'POST', '/orders/bulk', { token: seller.token, count: 120, days: 10 })
  expect(res.status).toBe(201)
  expect(res.body.created).toBe(120)
  expect(res.body.lastOrderId).toBeGreaterThan(res.body.firstOrderId)

  const awaiting = await json<Page<Order>>(await seller.bm('/ws/orders?state=1&page-size=50'))
  expect(awaiting.count).toBe(3) // orders 0, 50, 100
  expect(awaiting.results.every((o) => o.orderlines.every((l) => l.state === 1))).toBe(true)

  const shipped = await json<Page<Order>>(await seller.bm('/ws/orders?state=9&page-size=50'))
  expect(shipped.count).toBe(117)
  expect(shipped.results.every((o) => o.orderlines.every((l) => l.state === 3))).toBe(true)

  const all = await json<Page<Order>>(await seller.bm('/ws/orders?page-size=50'))
  const created = all.results.map((o) => Date.parse(o.date_creation))
  expect(Math.min(...created)).toBeGreaterThanOrEqual(Date.now() - 10 * 86_400_000 - 60_000)
  expect(Math.max(...created)).toBeLessThanOrEqual(Date.now())
})

test('POST /orders/bulk refuses a count out of range, naming it', async () => {
  const seller = await newSeller(sandbox())
  const res = await control<ErrorResponseV1>(sandbox(), 'POST', '/orders/bulk', { token: seller.token, count: 0 })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toContain('count')
})
