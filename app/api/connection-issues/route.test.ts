import { expect, test } from 'vitest'
import { GET } from '@/app/api/connection-issues/route'
import { dismissSyncIssue } from '@/lib/sync/dismiss-sync-issue'
import { createTestSyncFailure, createTestSyncIssue, NOT_FOUND_MESSAGE } from '@/lib/sync/testing/sync-factories'
import { testActor } from '@/test/audit-fixtures'
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

test('the poll is answered 304 without a body while nothing changed, and 200 with a new ETag once something did', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const { order } = await createTestSyncFailure({ merchantId: merchant.id })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: order!, status: 'OPEN' })

  const first = await GET(testRequest('/api/connection-issues', { cookie }))
  expect(first.status).toBe(200)
  const etag = first.headers.get('etag')
  expect(etag).toMatch(/^W\/"[\w-]+"$/)
  // Kept by the browser, and asked again each time: never served stale without asking.
  expect(first.headers.get('cache-control')).toBe('private, no-cache')

  const again = await GET(testRequest('/api/connection-issues', { cookie, headers: { 'if-none-match': etag } }))
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
  expect(again.headers.get('etag')).toBe(etag)
  // A list of validators the browser holds, this one among them.
  expect((await GET(testRequest('/api/connection-issues', { cookie, headers: { 'if-none-match': `W/"other", ${etag}` } }))).status).toBe(304)

  await dismissSyncIssue({ merchantId: merchant.id, issueId: issue.id, actor: testActor(), reason: 'fixed on Back Market' })
  const changed = await GET(testRequest('/api/connection-issues', { cookie, headers: { 'if-none-match': etag } }))
  expect(changed.status).toBe(200)
  expect(changed.headers.get('etag')).not.toBe(etag)
  expect(await changed.json()).toMatchObject({ state: 'recovered', impact: { openIssues: 0 }, errors: [{ issueId: issue.id, lifecycle: 'dismissed' }] })
})

test("another merchant's ETag is not this merchant's answer", async () => {
  const a = await createSignedInMerchant()
  const b = await createSignedInMerchant()
  await createTestSyncFailure({ merchantId: b.merchant.id })
  const theirs = (await GET(testRequest('/api/connection-issues', { cookie: b.cookie }))).headers.get('etag')
  const mine = await GET(testRequest('/api/connection-issues', { cookie: a.cookie, headers: { 'if-none-match': theirs } }))
  expect(mine.status).toBe(200)
  expect(await mine.json()).toMatchObject({ showBanner: false, errors: [] })
})
