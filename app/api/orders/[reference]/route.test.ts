import { expect, test } from 'vitest'
import { GET } from '@/app/api/orders/[reference]/route'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

const get = (reference: string, cookie: string) => GET(testRequest(`/api/orders/${reference}`, { cookie }), routeParams({ reference }))

test('returns the order, its lines and both addresses, JSON-safe', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  await createTestOrder({
    merchantId: merchant.id,
    reference: '40200001',
    lines: [{ bmOrderlineId: 9007199254740993n, listing: 'IPH13', sku: 'IPH13-BLK', price: '349.9', bmState: 2 }],
    currentAddress: { street: '1 rue Neuve' },
  })
  const res = await get('40200001', cookie)
  expect(res.status).toBe(200)
  const { order } = await res.json()
  expect(order.reference).toBe('40200001')
  expect(order.lines).toEqual([
    expect.objectContaining({ bmOrderlineId: '9007199254740993', listing: 'IPH13', sku: 'IPH13-BLK', price: '349.90', bmState: 2 }),
  ])
  expect(order.addresses.original.street).toBe('12 rue de la Paix')
  expect(order.addresses.current.street).toBe('1 rue Neuve')
  expect(typeof order.bmSeenAt).toBe('string')
  expect(order).not.toHaveProperty('bmSnapshot')
})

test("merchant B's order is a 404 for merchant A, with no data", async () => {
  const a = await createSignedInMerchant()
  const b = await createSignedInMerchant()
  await createTestOrder({ merchantId: b.merchant.id, reference: '40200002' })
  const res = await get('40200002', a.cookie)
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Order not found.' } })
  // Same answer as for a reference that exists nowhere.
  expect(await (await get('40200003', a.cookie)).json()).toEqual({ error: { code: 'not_found', message: 'Order not found.' } })
})
