import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/connection-issues/route'
import { getConnectionIssuesOperation } from '@/lib/api-v1/operations/sync'
import type { ConnectionIssuesV1 } from '@/lib/api-v1/schemas/connection-issues'
import { createTestSyncFailure, createTestSyncIssue, NOT_FOUND_MESSAGE } from '@/lib/sync/testing/sync-factories'
import { callV1, createTestMerchantKey } from '@/test/api-v1'
import { createTestMerchant } from '@/test/factories'

const read = (key: string) => callV1<ConnectionIssuesV1>(GET, '/connection-issues', { key })

test("answers the dashboard's banner data for the key's merchant only, dates as ISO text", async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const other = await createTestMerchant()
  await createTestSyncFailure({ merchantId: other.id, operation: 'STOCK' })
  const at = new Date(Date.now() - 2 * 60 * 60 * 1000)
  const { attempt, order } = await createTestSyncFailure({ merchantId: key.merchantId, outcome: 'TRANSIENT_FAILURE', httpStatus: 404, at })
  const issue = await createTestSyncIssue({ merchantId: key.merchantId, order: order!, status: 'OPEN', firstSeenAt: at })

  const res = await read(key.secret)
  expect(res.status).toBe(200)
  expect(getConnectionIssuesOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body).toMatchObject({
    showBanner: true,
    state: 'issues',
    flows: { parcelUpdate: true, stockUpdate: false },
    impact: { openIssues: 1, affectedOrders: 1, affectedSkus: 0, since: at.toISOString(), recoveredAt: null },
    errors: [{ id: attempt.id, at: at.toISOString(), operation: 'parcel_update', action: 'accept', reference: order!.reference, message: NOT_FOUND_MESSAGE, issueId: issue.id }],
  })
})

test('a merchant with nothing failing is told so', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const res = await read(key.secret)
  expect(res.body).toMatchObject({ showBanner: false, state: 'ok', errors: [] })
  expect(getConnectionIssuesOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
})
