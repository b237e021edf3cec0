import { expect, test } from 'vitest'
import { GET } from '@/app/api/errors/route'
import { validateOrder } from '@/lib/warehouse/validate-order'
import { createSignedInMerchant, createTestOrder, testRequest } from '@/test/factories'

test("lists the signed-in merchant's blocked orders as JSON, dates as ISO strings", async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, currentAddress: { postalCode: '7500' } })
  await validateOrder({ merchantId: merchant.id, orderId: order.id })
  await createTestOrder({ merchantId: merchant.id })

  const res = await GET(testRequest(`/api/errors?q=${order.reference}&sort=newest`, { cookie }))

  expect(res.status).toBe(200)
  const body = await res.json()
  expect(body).toMatchObject({ total: 1, page: 1, sort: 'newest', orders: [{ reference: order.reference, issues: [{ code: 'ZIP_BAD_FORMAT', field: 'postalCode' }] }] })
  expect(body.orders[0].deadlines.acceptance).toMatchObject({ kind: 'acceptance', source: 'assumed', at: expect.stringMatching(/Z$/) })
})

test('a bad query is a 400 naming each field', async () => {
  const { cookie } = await createSignedInMerchant()
  const res = await GET(testRequest('/api/errors?q=40x&sort=oldest&page=0', { cookie }))
  expect(res.status).toBe(400)
  const { error } = await res.json()
  expect(error.code).toBe('bad_request')
  expect(Object.keys(error.fields).sort()).toEqual(['page', 'q', 'sort'])
})

test('answers 401 without a session', async () => {
  const res = await GET(testRequest('/api/errors'))
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Please sign in.' } })
})
