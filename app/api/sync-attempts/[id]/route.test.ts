// Back Market's raw answer to one of our calls: the merchant's own attempts only, as stored.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncFailure } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, routeParams, testRequest } from '@/test/factories'
import { GET } from './route'

const get = (id: string, cookie?: string) => GET(testRequest(`/api/sync-attempts/${id}`, { cookie }), routeParams({ id }))

test('without a session it is a 401', async () => {
  const res = await get('00000000-0000-4000-8000-000000000000')
  expect(res.status).toBe(401)
})

test('answers the attempt with Back Market’s body as received', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const { attempt, order } = await createTestSyncFailure({ merchantId: merchant.id, httpStatus: 400, errorKind: 'validation' })
  const bmError = { kind: 'validation', status: 400, code: 'invalid-state', target: 'new_state', body: { error: { code: 'invalid-state', message: 'Orderline is cancelled' }, requestId: 'r-1' } }
  const requestSummary = { order_id: order!.reference, new_state: 2, sku: 'SKU-1' }
  await db.syncAttempt.update({ where: { id: attempt.id }, data: { bmError, requestSummary } })

  const res = await get(attempt.id, cookie)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({
    attempt: {
      id: attempt.id,
      at: attempt.createdAt.toISOString(),
      method: 'POST',
      path: `/ws/orders/${order!.reference}`,
      requestSummary,
      httpStatus: 400,
      outcome: 'PERMANENT_FAILURE',
      errorKind: 'validation',
      message: attempt.message,
      bmError,
    },
  })
})

test('another merchant’s attempt is not found', async () => {
  const { cookie } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const { attempt } = await createTestSyncFailure({ merchantId: other.merchant.id })
  const res = await get(attempt.id, cookie)
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Sync attempt not found' } })
})

test('an id that is not a UUID is a 400 naming it', async () => {
  const { cookie } = await createSignedInMerchant()
  const res = await get('12', cookie)
  expect(res.status).toBe(400)
  expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: 'Invalid params: id', fields: { id: ['Expected a sync attempt id (UUID)'] } } })
})
