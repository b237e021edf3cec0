import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/connection-issues/route'
import { getConnectionIssuesOperation } from '@/lib/api-v1/operations/sync'
import type { ConnectionIssuesV1 } from '@/lib/api-v1/schemas/connection-issues'
import { recordSyncFailure } from '@/lib/sync/record-sync-issue'
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

test('If-None-Match with the last ETag: 304 without a body until something changes, then 200 with a new ETag', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const { task } = await createTestSyncFailure({ merchantId: key.merchantId, operation: 'STOCK' })

  const first = await read(key.secret)
  const etag = first.headers.get('etag')
  expect(etag).toMatch(/^W\/"[\w-]+"$/)
  expect(first.headers.get('cache-control')).toBe('private, no-cache')
  const again = await callV1(GET, '/connection-issues', { key: key.secret, headers: { 'if-none-match': etag } })
  expect(again).toMatchObject({ status: 304, body: null })
  expect(again.headers.get('etag')).toBe(etag)

  // The engine records a new failure of the same SKU: the banner's count moves.
  await recordSyncFailure({ target: { merchantId: key.merchantId, operation: 'STOCK', sku: task.sku }, kind: 'NOT_FOUND', message: NOT_FOUND_MESSAGE, nextRetryAt: null, taskId: task.id })
  const changed = await callV1<ConnectionIssuesV1>(GET, '/connection-issues', { key: key.secret, headers: { 'if-none-match': etag } })
  expect(changed.status).toBe(200)
  expect(changed.headers.get('etag')).not.toBe(etag)
  expect(changed.body).toMatchObject({ state: 'issues', impact: { openIssues: 1, affectedSkus: 1 } })
})
