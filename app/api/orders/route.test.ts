import { expect, test } from 'vitest'
import { GET } from '@/app/api/orders/route'
import { createSignedInMerchant, createTestOrder, testRequest } from '@/test/factories'

test('lists the signed-in merchant orders as JSON, dates and money as strings', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const placedAt = new Date('2026-11-20T10:00:00.000Z')
  await createTestOrder({ merchantId: merchant.id, reference: '40100001', placedAt, totalPrice: '149.5', status: 'PACKED' })
  const res = await GET(testRequest('/api/orders?status=PACKED&q=401', { cookie }))
  expect(res.status).toBe(200)
  const body = await res.json()
  expect(body).toMatchObject({ total: 1, page: 1, pageSize: 25, pageCount: 1 })
  expect(body.orders[0]).toMatchObject({ reference: '40100001', status: 'PACKED', placedAt: '2026-11-20T10:00:00.000Z', totalPrice: '149.50' })
})

test.each([
  ['q=abc', 'q'],
  ['status=LOST', 'status'],
  ['page=0', 'page'],
  ['pageSize=500', 'pageSize'],
  ['page=2147483648', 'page'],
  ['q=1%00', 'q'],
])('a bad query (%s) is a 400 naming %s', async (qs, field) => {
  const { cookie } = await createSignedInMerchant()
  const res = await GET(testRequest(`/api/orders?${qs}`, { cookie }))
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(body.error.code).toBe('bad_request')
  expect(body.error.message).toContain(field)
  expect(Object.keys(body.error.fields)).toEqual([field])
})

test("merchant A's list never contains merchant B's orders, whatever the search", async () => {
  const a = await createSignedInMerchant()
  const b = await createSignedInMerchant()
  await createTestOrder({ merchantId: a.merchant.id, reference: '70000001' })
  await createTestOrder({ merchantId: b.merchant.id, reference: '70000002' })
  await createTestOrder({ merchantId: b.merchant.id, reference: '70000001' })
  for (const qs of ['', '?q=7', '?q=70000002', '?pageSize=100']) {
    const body = await (await GET(testRequest(`/api/orders${qs}`, { cookie: a.cookie }))).json()
    expect(body.orders.map((o: { reference: string }) => o.reference).filter((r: string) => r !== '70000001')).toEqual([])
  }
  const all = await (await GET(testRequest('/api/orders', { cookie: a.cookie }))).json()
  expect(all.total).toBe(1)
})
