// GET /api/sku-mismatch: a session, exactly one of issueId or reference, this merchant's only; a
// Back Market that cannot be reached still leaves our side to see.
import { expect, test } from 'vitest'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, createTestOrder, testRequest } from '@/test/factories'
import { GET } from './route'

const get = (query: string, cookie?: string) => GET(testRequest(`/api/sku-mismatch${query}`, { cookie }))

test('401 without a session', async () => {
  const res = await get('?reference=4012')
  expect(res.status).toBe(401)
})

test('400 naming the field: neither, both, a malformed issue id or reference', async () => {
  const { cookie } = await createSignedInMerchant()
  const uuid = '00000000-0000-4000-8000-000000000000'
  for (const [query, field] of [
    ['', 'issueId'],
    [`?issueId=${uuid}&reference=4012`, 'issueId'],
    ['?issueId=nope', 'issueId'],
    ['?reference=12ab', 'reference'],
  ] as const) {
    const res = await get(query, cookie)
    expect(res.status, query).toBe(400)
    const body = (await res.json()) as { error: { fields: Record<string, string[]> } }
    expect(Object.keys(body.error.fields), query).toContain(field)
  }
})

test('404 for another merchant’s issue or order', async () => {
  const mine = await createSignedInMerchant()
  const theirs = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: theirs.merchant.id })
  const issue = await createTestSyncIssue({ merchantId: theirs.merchant.id, order })
  expect((await get(`?issueId=${issue.id}`, mine.cookie)).status).toBe(404)
  expect((await get(`?reference=${order.reference}`, mine.cookie)).status).toBe(404)
})

test('200 with our side when Back Market cannot be reached, saying how the live read failed', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, lines: [{ sku: 'OURS-V2', listing: 'OURS' }] })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order })
  const res = await get(`?issueId=${issue.id}`, cookie)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({
    issue: { id: issue.id, kind: 'NOT_FOUND' },
    reference: order.reference,
    live: { ok: false, kind: 'network' },
    lines: [{ ourSku: 'OURS-V2', listingOnOrder: 'OURS', liveListing: null, differs: true, suggestedBmSku: 'OURS' }],
    suggestion: { ourSku: 'OURS-V2', bmSku: 'OURS' },
  })
})
