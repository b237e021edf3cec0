// "Check again" while the merchant's Back Market budget is taken by their running syncs: it waits
// a few seconds at most, and otherwise answers when to try, without taking a slot from the syncs.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { backMarketRequestLimiter } from '@/lib/sync/backmarket-limits'
import { CHECK_MAX_WAIT_MS } from '@/lib/sync/check-sync-issue-again'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'
import { POST } from './route'

async function issueWithBusyBudget(busyForMs: number) {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order, kind: 'STATUS_ERROR' })
  // The sync engine has reserved the budget's slots for the next `busyForMs`.
  const { key } = backMarketRequestLimiter(merchant.id)
  const tat = new Date(Date.now() + busyForMs)
  await db.rateLimitBucket.create({ data: { key, tat } })
  const check = () => POST(testRequest(`/api/sync-issues/${issue.id}/check`, { method: 'POST', cookie }), routeParams({ id: issue.id }))
  return { key, tat, check }
}

test('a budget taken for the next minute: 429 at once with Retry-After and when to try, no slot reserved', async () => {
  const { key, tat, check } = await issueWithBusyBudget(60_000)
  const started = Date.now()
  const res = await check()
  expect(Date.now() - started).toBeLessThan(CHECK_MAX_WAIT_MS)

  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(55)
  expect(retryAfter).toBeLessThanOrEqual(61)
  const body = (await res.json()) as { error: { code: string; message: string; details: { retryAt: string; retryAfterSeconds: number } } }
  expect(body.error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: retryAfter } })
  expect(Math.abs(Date.parse(body.error.details.retryAt) - tat.getTime())).toBeLessThan(5_000)
  expect(body.error.message).toMatch(new RegExp(`check again in ${retryAfter} s`))
  // Nothing taken from the syncs: the bucket is where they left it.
  expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })).tat).toEqual(tat)
})

test('a budget free within a few seconds: the check waits for its slot and answers', async () => {
  const { check } = await issueWithBusyBudget(1_000)
  const res = await check()
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ resolved: false, preflight: { checks: expect.any(Array) } })
})
