import { expect, test } from 'vitest'
import { GET } from '@/app/api/connection-issues/route'
import { createTestSyncFailure, createTestSyncIssue, NOT_FOUND_MESSAGE } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, testRequest } from '@/test/factories'

test('without a session it is a 401 and says nothing of any merchant', async () => {
  const res = await GET(testRequest('/api/connection-issues'))
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Please sign in.' } })
})

test("answers the signed-in merchant's banner as JSON, dates as ISO strings", async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  await createTestSyncFailure({ merchantId: other.merchant.id })
  const at = new Date(Date.now() - 2 * 60 * 60 * 1000)
  const nextRetryAt = new Date(Date.now() + 10 * 60 * 1000)
  const { attempt, order } = await createTestSyncFailure({ merchantId: merchant.id, outcome: 'TRANSIENT_FAILURE', httpStatus: 404, at })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: order!, status: 'RETRYING', firstSeenAt: at, nextRetryAt })

  const res = await GET(testRequest('/api/connection-issues', { cookie }))
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({
    showBanner: true,
    state: 'issues',
    connection: { token: 'connected', refusedAt: null, refusal: null },
    flows: { parcelUpdate: true, stockUpdate: false },
    impact: {
      openIssues: 0,
      retryingIssues: 1,
      affectedOrders: 1,
      affectedSkus: 0,
      since: at.toISOString(),
      nextRetryAt: nextRetryAt.toISOString(),
      recoveredAt: null,
    },
    errors: [
      {
        id: attempt.id,
        at: at.toISOString(),
        firstAt: at.toISOString(),
        count: 1,
        operation: 'parcel_update',
        action: 'accept',
        reference: order!.reference,
        sku: null,
        httpStatus: 404,
        message: NOT_FOUND_MESSAGE,
        lifecycle: 'retrying',
        issueId: issue.id,
        kind: 'NOT_FOUND',
      },
    ],
  })
})
