import { expect, test } from 'vitest'
import { listOrders } from '@/lib/orders/list-orders'
import { createTestMerchant, createTestOrder } from '@/test/factories'

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)

async function merchantWithOrders(orders: Array<{ reference: string; placedAt?: Date; status?: 'CREATED' | 'PACKED' | 'CANCELLED' }>) {
  const merchant = await createTestMerchant()
  for (const o of orders) await createTestOrder({ merchantId: merchant.id, ...o })
  return merchant
}

const refs = (page: { orders: { reference: string }[] }) => page.orders.map((o) => o.reference)

test('lists newest first, with a total and page count', async () => {
  const m = await merchantWithOrders([
    { reference: '1001', placedAt: minutesAgo(30) },
    { reference: '1002', placedAt: minutesAgo(10) },
    { reference: '1003', placedAt: minutesAgo(20) },
  ])
  const page = await listOrders({ merchantId: m.id, page: 1, pageSize: 25 })
  expect(refs(page)).toEqual(['1002', '1003', '1001'])
  expect(page).toMatchObject({ total: 3, page: 1, pageSize: 25, pageCount: 1 })
})

test('orders placed at the same time are ordered by reference', async () => {
  const at = minutesAgo(5)
  const m = await merchantWithOrders([{ reference: '2003', placedAt: at }, { reference: '2001', placedAt: at }, { reference: '2002', placedAt: at }])
  expect(refs(await listOrders({ merchantId: m.id, page: 1, pageSize: 25 }))).toEqual(['2001', '2002', '2003'])
})

test('a full reference finds that order', async () => {
  const m = await merchantWithOrders([{ reference: '40123456' }, { reference: '40123457' }])
  const page = await listOrders({ merchantId: m.id, q: '40123456', page: 1, pageSize: 25 })
  expect(refs(page)).toEqual(['40123456'])
  expect(page.total).toBe(1)
})

test('a prefix finds every reference starting with it, and nothing else', async () => {
  const m = await merchantWithOrders([
    { reference: '4019', placedAt: minutesAgo(1) },
    { reference: '40190', placedAt: minutesAgo(2) },
    { reference: '40199999', placedAt: minutesAgo(3) },
    { reference: '4020', placedAt: minutesAgo(4) },
    { reference: '4018', placedAt: minutesAgo(5) },
    { reference: '3019', placedAt: minutesAgo(6) },
  ])
  const page = await listOrders({ merchantId: m.id, q: '4019', page: 1, pageSize: 25 })
  expect(refs(page)).toEqual(['4019', '40190', '40199999'])
  expect(page.total).toBe(3)
})

test('an all-nines prefix (no upper bound) still finds its matches', async () => {
  const m = await merchantWithOrders([{ reference: '99' }, { reference: '991' }, { reference: '98' }])
  expect(refs(await listOrders({ merchantId: m.id, q: '99', page: 1, pageSize: 25 })).sort()).toEqual(['99', '991'])
})

test('the exact match comes first even when newer prefix matches exist', async () => {
  const m = await merchantWithOrders([
    { reference: '5500', placedAt: minutesAgo(60) },
    { reference: '55001', placedAt: minutesAgo(1) },
    { reference: '55002', placedAt: minutesAgo(2) },
  ])
  expect(refs(await listOrders({ merchantId: m.id, q: '5500', page: 1, pageSize: 25 }))).toEqual(['5500', '55001', '55002'])
})

test('with a pinned exact match, pages neither repeat nor skip an order', async () => {
  const orders = [{ reference: '77', placedAt: minutesAgo(100) }]
  for (let i = 0; i < 6; i++) orders.push({ reference: `77${i}`, placedAt: minutesAgo(i) })
  const m = await merchantWithOrders(orders)
  const pages = await Promise.all([1, 2, 3].map((page) => listOrders({ merchantId: m.id, q: '77', page, pageSize: 3 })))
  expect(pages.map(refs)).toEqual([
    ['77', '770', '771'],
    ['772', '773', '774'],
    ['775'],
  ])
  expect(pages[0]).toMatchObject({ total: 7, pageCount: 3 })
})

test('filters by status, alone and with a search', async () => {
  const m = await merchantWithOrders([
    { reference: '6001', status: 'PACKED' },
    { reference: '6002', status: 'CREATED' },
    { reference: '7001', status: 'PACKED' },
  ])
  expect(refs(await listOrders({ merchantId: m.id, status: 'PACKED', page: 1, pageSize: 25 })).sort()).toEqual(['6001', '7001'])
  expect(refs(await listOrders({ merchantId: m.id, status: 'PACKED', q: '600', page: 1, pageSize: 25 }))).toEqual(['6001'])
  // The exact match is pinned only when it also passes the status filter.
  const page = await listOrders({ merchantId: m.id, status: 'CANCELLED', q: '6001', page: 1, pageSize: 25 })
  expect(page).toMatchObject({ orders: [], total: 0 })
})

test('pages through the results; past the end is empty', async () => {
  const m = await merchantWithOrders(Array.from({ length: 5 }, (_, i) => ({ reference: `800${i}`, placedAt: minutesAgo(i) })))
  const p1 = await listOrders({ merchantId: m.id, page: 1, pageSize: 2 })
  const p3 = await listOrders({ merchantId: m.id, page: 3, pageSize: 2 })
  const p4 = await listOrders({ merchantId: m.id, page: 4, pageSize: 2 })
  expect(refs(p1)).toEqual(['8000', '8001'])
  expect(refs(p3)).toEqual(['8004'])
  expect(p4).toMatchObject({ orders: [], total: 5, pageCount: 3 })
})

test("another merchant's orders never appear, even with the same reference", async () => {
  const a = await merchantWithOrders([{ reference: '9001' }])
  await merchantWithOrders([{ reference: '9001' }, { reference: '9002' }, { reference: '90021' }])
  expect(refs(await listOrders({ merchantId: a.id, page: 1, pageSize: 25 }))).toEqual(['9001'])
  expect(refs(await listOrders({ merchantId: a.id, q: '9002', page: 1, pageSize: 25 }))).toEqual([])
  expect((await listOrders({ merchantId: a.id, q: '900', page: 1, pageSize: 25 })).total).toBe(1)
})

test('summaries carry strings for money and the ship-to name', async () => {
  const m = await createTestMerchant()
  await createTestOrder({ merchantId: m.id, reference: '1234', totalPrice: '369.90', lines: [{}, {}], currentAddress: { firstName: 'Léa', lastName: 'Roux', city: 'Lyon' } })
  const [order] = (await listOrders({ merchantId: m.id, page: 1, pageSize: 25 })).orders
  expect(order).toMatchObject({ reference: '1234', totalPrice: '369.90', customerName: 'Léa Roux', shipToCity: 'Lyon', lineCount: 2 })
})

test('a prefix with many matches counts them all and pages through them in date order', async () => {
  const orders = Array.from({ length: 30 }, (_, i) => ({ reference: `31${String(i).padStart(3, '0')}`, placedAt: minutesAgo(i) }))
  const m = await merchantWithOrders([...orders, { reference: '32000' }])
  const p2 = await listOrders({ merchantId: m.id, q: '31', page: 2, pageSize: 10 })
  expect(p2).toMatchObject({ total: 30, pageCount: 3 })
  expect(refs(p2)).toEqual(Array.from({ length: 10 }, (_, i) => `31${String(i + 10).padStart(3, '0')}`))
})

test('a search past the last page still counts its matches; a page far past the end is empty, not an error', async () => {
  const m = await merchantWithOrders([{ reference: '66' }, { reference: '661' }, { reference: '662' }])
  expect(await listOrders({ merchantId: m.id, q: '66', page: 3, pageSize: 2 })).toEqual({ orders: [], total: 3, page: 3, pageSize: 2, pageCount: 2 })
  expect(await listOrders({ merchantId: m.id, page: 2_147_483_647, pageSize: 100 })).toMatchObject({ orders: [], total: 3 })
  expect(await listOrders({ merchantId: m.id, q: '66', status: 'CREATED', page: 2_147_483_647, pageSize: 100 })).toMatchObject({ orders: [], total: 3 })
})

test('a merchant without orders, or a search without a match, is one empty page', async () => {
  const m = await createTestMerchant()
  expect(await listOrders({ merchantId: m.id, page: 1, pageSize: 25 })).toEqual({ orders: [], total: 0, page: 1, pageSize: 25, pageCount: 1 })
  const other = await merchantWithOrders([{ reference: '4242' }])
  expect(await listOrders({ merchantId: other.id, q: '4243', page: 1, pageSize: 25 })).toEqual({ orders: [], total: 0, page: 1, pageSize: 25, pageCount: 1 })
})

test('an order without a date comes first, and one without an address or price shows nulls', async () => {
  const m = await createTestMerchant()
  await createTestOrder({ merchantId: m.id, reference: '5101', placedAt: minutesAgo(1) })
  await createTestOrder({ merchantId: m.id, reference: '5102', placedAt: null, totalPrice: null, currentAddress: { firstName: '', lastName: '' } })
  const { orders } = await listOrders({ merchantId: m.id, page: 1, pageSize: 25 })
  expect(orders.map((o) => o.reference)).toEqual(['5102', '5101'])
  expect(orders[0]).toMatchObject({ placedAt: null, totalPrice: null, customerName: null, lineCount: 1 })
  expect(orders[1]?.placedAt).toBeInstanceOf(Date)
})
