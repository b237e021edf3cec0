// Bulk dismiss: every issue closed with the one reason; one already closed is reported without
// stopping the others; another merchant's issues are not found; a bad body names its field.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, createTestOrder, testRequest } from '@/test/factories'
import { POST } from './route'

const dismiss = (cookie: string | undefined, body: unknown) => POST(testRequest('/api/sync-issues/dismiss', { method: 'POST', cookie, body }))

async function openIssue(merchantId: string, status: 'OPEN' | 'RETRYING' | 'RESOLVED' = 'OPEN') {
  const order = await createTestOrder({ merchantId, status: 'VALIDATED' })
  return createTestSyncIssue({ merchantId, order, status })
}

test('a control character in the reason is a 400 naming it (a NUL was a 500); tabs and line breaks are kept', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const issue = await openIssue(merchant.id)
  for (const reason of ['fixed\u0000by hand', 'fixed\u001bby hand', 'fixed\u007fby hand']) {
    const res = await dismiss(cookie, { issueIds: [issue.id], reason })
    expect(res.status).toBe(400)
    expect((await res.json()).error.fields).toEqual({ reason: ['Must not contain control characters'] })
  }
  const res = await dismiss(cookie, { issueIds: [issue.id], reason: 'fixed by hand:\n\tsee ticket 42' })
  expect(res.status).toBe(200)
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ dismissReason: 'fixed by hand:\n\tsee ticket 42' })
})

test('without a session it is a 401', async () => {
  const res = await dismiss(undefined, { issueIds: ['00000000-0000-4000-8000-000000000000'], reason: 'fixed by hand' })
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Please sign in.' } })
})

test('dismisses each issue with the reason and who did it; one already resolved says so', async () => {
  const { merchant, user, cookie } = await createSignedInMerchant()
  const a = await openIssue(merchant.id)
  const b = await openIssue(merchant.id, 'RETRYING')
  const done = await openIssue(merchant.id, 'RESOLVED')

  const res = await dismiss(cookie, { issueIds: [a.id, b.id, done.id, a.id], reason: '  accepted by hand on Back Market  ' })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({
    results: [
      { issueId: a.id, dismissed: true, error: null },
      { issueId: b.id, dismissed: true, error: null },
      { issueId: done.id, dismissed: false, error: 'This issue is already resolved.', refusal: { code: 'issue_closed', params: { status: 'resolved' } } },
    ],
  })
  const rows = await db.syncIssue.findMany({ where: { id: { in: [a.id, b.id] } } })
  expect(rows.map((r) => [r.status, r.dismissReason, r.dismissedById, r.groupKey, r.nextRetryAt])).toEqual([
    ['DISMISSED', 'accepted by hand on Back Market', user.id, null, null],
    ['DISMISSED', 'accepted by hand on Back Market', user.id, null, null],
  ])
})

test('another merchant’s issues are not found and stay open', async () => {
  const { cookie } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const theirs = await openIssue(other.merchant.id)

  const res = await dismiss(cookie, { issueIds: [theirs.id], reason: 'not mine' })
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Issue not found' } })
  expect((await db.syncIssue.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe('OPEN')
})

test('a bad body is a 400 naming the field', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const issue = await openIssue(merchant.id)

  const shortReason = await dismiss(cookie, { issueIds: [issue.id], reason: ' ok ' })
  expect(shortReason.status).toBe(400)
  expect(await shortReason.json()).toMatchObject({ error: { code: 'bad_request', fields: { reason: ['Say why (at least 3 characters)'] } } })

  const badIds = await dismiss(cookie, { issueIds: ['nope'], reason: 'fixed by hand' })
  expect(badIds.status).toBe(400)
  expect(Object.keys(((await badIds.json()) as { error: { fields: object } }).error.fields)).toEqual(['issueIds.0'])

  const none = await dismiss(cookie, { issueIds: [], reason: 'fixed by hand' })
  expect(((await none.json()) as { error: { fields: object } }).error.fields).toHaveProperty('issueIds')
  expect((await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('OPEN')
})
