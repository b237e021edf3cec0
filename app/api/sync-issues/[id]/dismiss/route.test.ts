// Dismissing one issue: the same reason rule as the bulk route, so a NUL (a 500 before) or any
// other control character is a 400 naming the reason, and nothing is written.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'
import { POST } from './route'

const dismiss = (id: string, cookie: string, body: unknown) =>
  POST(testRequest(`/api/sync-issues/${id}/dismiss`, { method: 'POST', cookie, body }), routeParams({ id }))

test('a control character in the reason is a 400 naming it; a valid reason dismisses the issue', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' }) })
  for (const reason of ['ok\u0000ok', '\u0008oops']) {
    const res = await dismiss(issue.id, cookie, { reason })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'Invalid body: reason', fields: { reason: ['Must not contain control characters'] } },
    })
  }
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'OPEN' })
  const res = await dismiss(issue.id, cookie, { reason: ' accepted by hand ' })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ issue: { id: issue.id, status: 'DISMISSED', dismissReason: 'accepted by hand' } })
})
