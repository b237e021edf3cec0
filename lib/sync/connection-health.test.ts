import { expect, test } from 'vitest'
import { getConnectionHealth } from '@/lib/sync/connection-health'
import {
  createTestSyncAttempt,
  createTestSyncFailure,
  createTestSyncIssue,
  createTestSyncTask,
} from '@/lib/sync/testing/sync-factories'
import { createTestMerchant } from '@/test/factories'

const NOW = new Date('2026-12-08T12:00:00.000Z')
const HOUR = 60 * 60 * 1000
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const hoursAgo = (h: number) => ago(h * HOUR)
const daysAgo = (d: number) => ago(d * 24 * HOUR)

test('no failure this week: no banner, state ok, nothing listed', async () => {
  const merchant = await createTestMerchant()
  const { task } = await createTestSyncTask({ merchantId: merchant.id, status: 'VERIFIED' })
  await createTestSyncAttempt({ task, outcome: 'SUCCESS', at: hoursAgo(2) })
  await createTestSyncAttempt({ task, outcome: 'ALREADY_APPLIED', at: hoursAgo(1) })
  expect(await getConnectionHealth({ merchantId: merchant.id, now: NOW })).toEqual({
    showBanner: false,
    state: 'ok',
    connection: { token: 'connected', refusedAt: null, refusal: null },
    flows: { parcelUpdate: false, stockUpdate: false },
    impact: { openIssues: 0, retryingIssues: 0, affectedOrders: 0, affectedSkus: 0, since: null, nextRetryAt: null, recoveredAt: null },
    errors: [],
  })
})

test('a failure 8 days ago shows no banner and is not listed; one just inside the week is', async () => {
  const merchant = await createTestMerchant()
  await createTestSyncFailure({ merchantId: merchant.id, at: daysAgo(8) })
  expect(await getConnectionHealth({ merchantId: merchant.id, now: NOW })).toMatchObject({ showBanner: false, state: 'ok', errors: [] })

  const { attempt } = await createTestSyncFailure({ merchantId: merchant.id, operation: 'STOCK', at: ago(7 * 24 * HOUR - 1000) })
  const health = await getConnectionHealth({ merchantId: merchant.id, now: NOW })
  expect(health).toMatchObject({ showBanner: true, flows: { parcelUpdate: false, stockUpdate: true } })
  expect(health.errors.map((e) => e.id)).toEqual([attempt.id])
})

test('25 distinct failures this week list exactly the newest 20, newest first, transient and permanent alike', async () => {
  const merchant = await createTestMerchant()
  const made = []
  for (let i = 0; i < 25; i++) {
    const outcome = i % 3 === 0 ? 'TRANSIENT_FAILURE' : 'PERMANENT_FAILURE'
    made.push(await createTestSyncFailure({ merchantId: merchant.id, outcome, at: hoursAgo(100 - i) }))
  }
  const health = await getConnectionHealth({ merchantId: merchant.id, now: NOW })
  expect(health.errors).toHaveLength(20)
  expect(health.errors.map((e) => e.id)).toEqual(made.slice(5).reverse().map((m) => m.attempt.id))
  expect(health.errors[0]).toMatchObject({ at: hoursAgo(76), firstAt: hoursAgo(76), count: 1, reference: made[24]!.order!.reference, operation: 'parcel_update', action: 'accept' })
})

test('parcel and stock failures are told apart, even a stock failure pushed off the list', async () => {
  const merchant = await createTestMerchant()
  const stock = await createTestSyncFailure({ merchantId: merchant.id, operation: 'STOCK', sku: 'SKU-IPHONE-13', at: daysAgo(3), httpStatus: 400, message: 'Back Market refused the stock update: quantity' })
  let health = await getConnectionHealth({ merchantId: merchant.id, now: NOW })
  expect(health.flows).toEqual({ parcelUpdate: false, stockUpdate: true })
  expect(health.errors).toEqual([
    {
      id: stock.attempt.id,
      at: daysAgo(3),
      firstAt: daysAgo(3),
      count: 1,
      operation: 'stock_update',
      action: 'stock',
      reference: null,
      sku: 'SKU-IPHONE-13',
      httpStatus: 400,
      message: 'Back Market refused the stock update: quantity',
      lifecycle: null,
      issueId: null,
      kind: null,
    },
  ])

  for (let i = 0; i < 20; i++) await createTestSyncFailure({ merchantId: merchant.id, operation: 'SHIP', at: hoursAgo(30 - i) })
  health = await getConnectionHealth({ merchantId: merchant.id, now: NOW })
  expect(health.flows).toEqual({ parcelUpdate: true, stockUpdate: true })
  expect(health.errors.every((e) => e.operation === 'parcel_update' && e.action === 'ship')).toBe(true)
})

test("each error shows its issue's lifecycle: open, retrying, resolved after a success, dismissed, none", async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const open = await createTestSyncFailure({ merchantId, at: hoursAgo(10) })
  const openIssue = await createTestSyncIssue({ merchantId, order: open.order!, status: 'OPEN', firstSeenAt: hoursAgo(10) })

  const retrying = await createTestSyncFailure({ merchantId, operation: 'STOCK', outcome: 'TRANSIENT_FAILURE', httpStatus: 503, at: hoursAgo(9) })
  const retryingIssue = await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: retrying.task.sku!, kind: 'CONNECTION', status: 'RETRYING', firstSeenAt: hoursAgo(9), nextRetryAt: hoursAgo(-1) })

  const fixed = await createTestSyncFailure({ merchantId, operation: 'SHIP', httpStatus: 400, at: hoursAgo(8) })
  await createTestSyncAttempt({ task: fixed.task, reference: fixed.order!.reference, outcome: 'SUCCESS', at: hoursAgo(7), attempt: 2 })
  const fixedIssue = await createTestSyncIssue({ merchantId, operation: 'SHIP', order: fixed.order!, kind: 'STATUS_ERROR', status: 'RESOLVED', firstSeenAt: hoursAgo(8), resolvedAt: hoursAgo(7) })

  const dismissed = await createTestSyncFailure({ merchantId, at: hoursAgo(6) })
  const dismissedIssue = await createTestSyncIssue({ merchantId, order: dismissed.order!, status: 'DISMISSED', firstSeenAt: hoursAgo(6), dismissedAt: hoursAgo(5) })

  const orphan = await createTestSyncFailure({ merchantId, at: hoursAgo(4) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health.errors.map((e) => [e.id, e.lifecycle, e.issueId, e.kind])).toEqual([
    [orphan.attempt.id, null, null, null],
    [dismissed.attempt.id, 'dismissed', dismissedIssue.id, 'NOT_FOUND'],
    [fixed.attempt.id, 'resolved', fixedIssue.id, 'STATUS_ERROR'],
    [retrying.attempt.id, 'retrying', retryingIssue.id, 'CONNECTION'],
    [open.attempt.id, 'open', openIssue.id, 'NOT_FOUND'],
  ])
})

test('a group failing again after a fix: old failures keep the resolved issue, new ones get the new issue', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  // Refused for another reason then (a failure identical to the later ones would share their row).
  const first = await createTestSyncFailure({ merchantId, at: daysAgo(3), httpStatus: 400, errorKind: 'invalid_transition', message: 'Order status error.' })
  const order = first.order!
  const oldIssue = await createTestSyncIssue({ merchantId, order, status: 'RESOLVED', firstSeenAt: daysAgo(3), resolvedAt: daysAgo(2) })
  // A failure the engine stamped a moment before it opened the issue for it.
  const again = await createTestSyncFailure({ merchantId, order, at: hoursAgo(5) })
  const newIssue = await createTestSyncIssue({ merchantId, order, status: 'OPEN', firstSeenAt: ago(5 * HOUR - 250), lastSeenAt: hoursAgo(1) })
  // The same issue failing for another reason later: its own row, the same issue.
  const latest = await createTestSyncFailure({ merchantId, order, task: again.task, outcome: 'TRANSIENT_FAILURE', httpStatus: 503, errorKind: 'server', message: 'Back Market did not answer.', at: hoursAgo(1) })
  // Shipping the same order is another group: none of these issues is its.
  const shipping = await createTestSyncFailure({ merchantId, order, operation: 'SHIP', at: hoursAgo(2) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health.errors.map((e) => [e.id, e.issueId])).toEqual([
    [latest.attempt.id, newIssue.id],
    [shipping.attempt.id, null],
    [again.attempt.id, newIssue.id],
    [first.attempt.id, oldIssue.id],
  ])
})

test('fail, fixed seconds later, fail again: each failure keeps the issue it belonged to', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const t0 = hoursAgo(3).getTime()
  const at = (ms: number) => new Date(t0 + ms)
  const { task } = await createTestSyncTask({ merchantId, operation: 'STOCK', sku: 'SKU-FLAP' })
  const before = await createTestSyncFailure({ merchantId, task, outcome: 'TRANSIENT_FAILURE', httpStatus: 503, errorKind: 'server', message: 'Back Market did not answer.', at: at(0) })
  const fixed = await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-FLAP', status: 'RESOLVED', firstSeenAt: at(-600_000), lastSeenAt: at(0), resolvedAt: at(5_000) })
  const after = await createTestSyncFailure({ merchantId, task, at: at(20_000) })
  const reopened = await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-FLAP', status: 'OPEN', firstSeenAt: at(20_200) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health.errors.map((e) => [e.id, e.issueId, e.lifecycle])).toEqual([
    [after.attempt.id, reopened.id, 'open'],
    [before.attempt.id, fixed.id, 'resolved'],
  ])
})

test('failures this week with every issue closed: recovered, since the last resolution', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const a = await createTestSyncFailure({ merchantId, at: daysAgo(3) })
  await createTestSyncIssue({ merchantId, order: a.order!, status: 'RESOLVED', firstSeenAt: daysAgo(3), resolvedAt: daysAgo(2) })
  const b = await createTestSyncFailure({ merchantId, operation: 'STOCK', at: hoursAgo(30) })
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: b.task.sku!, status: 'RESOLVED', firstSeenAt: hoursAgo(30), resolvedAt: hoursAgo(20) })
  // Resolved long ago: not this recovery.
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-OLD', status: 'RESOLVED', firstSeenAt: daysAgo(20), resolvedAt: daysAgo(19) })
  expect((await getConnectionHealth({ merchantId, now: NOW })).impact.recoveredAt).toEqual(hoursAgo(20))
  // Failing only before the week but open until an hour ago: the connection recovered then.
  await createTestSyncIssue({ merchantId, sku: 'SKU-LATE', operation: 'STOCK', status: 'RESOLVED', firstSeenAt: daysAgo(12), lastSeenAt: daysAgo(9), resolvedAt: hoursAgo(1) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health).toMatchObject({
    showBanner: true,
    state: 'recovered',
    flows: { parcelUpdate: true, stockUpdate: true },
    impact: { openIssues: 0, retryingIssues: 0, affectedOrders: 0, affectedSkus: 0, since: null, nextRetryAt: null, recoveredAt: hoursAgo(1) },
  })
  expect(health.errors.map((e) => e.lifecycle)).toEqual(['resolved', 'resolved'])
})

test('impact counts the active issues: distinct orders and SKUs, oldest start, soonest retry', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const accept = await createTestSyncFailure({ merchantId, at: hoursAgo(50) })
  const order = accept.order!
  await createTestSyncIssue({ merchantId, order, status: 'OPEN', firstSeenAt: hoursAgo(50) })
  // The same order failing to ship is a second issue but still one order.
  await createTestSyncIssue({ merchantId, order, operation: 'SHIP', status: 'RETRYING', firstSeenAt: hoursAgo(20), nextRetryAt: hoursAgo(-3) })
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-A', status: 'RETRYING', kind: 'CONNECTION', firstSeenAt: hoursAgo(10), nextRetryAt: hoursAgo(-1) })
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-B', status: 'OPEN', firstSeenAt: hoursAgo(5) })
  // Closed issues weigh nothing, however old or recent.
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-C', status: 'RESOLVED', firstSeenAt: daysAgo(30), resolvedAt: hoursAgo(1) })
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-D', status: 'DISMISSED', firstSeenAt: daysAgo(40) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health.state).toBe('issues')
  expect(health.impact).toEqual({
    openIssues: 2,
    retryingIssues: 2,
    affectedOrders: 1,
    affectedSkus: 2,
    since: hoursAgo(50),
    nextRetryAt: hoursAgo(-1),
    recoveredAt: null,
  })
})

test("merchant B's failures and issues never show for merchant A, even on the same SKU", async () => {
  const a = await createTestMerchant()
  const b = await createTestMerchant()
  await createTestSyncFailure({ merchantId: b.id, at: hoursAgo(3) })
  await createTestSyncFailure({ merchantId: b.id, operation: 'STOCK', sku: 'SKU-SHARED', at: hoursAgo(2) })
  await createTestSyncIssue({ merchantId: b.id, operation: 'STOCK', sku: 'SKU-SHARED', status: 'RETRYING', firstSeenAt: hoursAgo(2), lastSeenAt: ago(60_000), nextRetryAt: hoursAgo(-1) })
  expect(await getConnectionHealth({ merchantId: a.id, now: NOW })).toMatchObject({ showBanner: false, state: 'ok', errors: [] })

  const mine = await createTestSyncFailure({ merchantId: a.id, operation: 'STOCK', sku: 'SKU-SHARED', at: hoursAgo(1) })
  const health = await getConnectionHealth({ merchantId: a.id, now: NOW })
  expect(health.errors.map((e) => [e.id, e.issueId])).toEqual([[mine.attempt.id, null]])
  expect(health).toMatchObject({ state: 'recovered', impact: { openIssues: 0, retryingIssues: 0, affectedSkus: 0 } })
})

test('an issue still open whose last failure is older than the week keeps the banner up', async () => {
  const merchant = await createTestMerchant()
  const old = await createTestSyncFailure({ merchantId: merchant.id, at: daysAgo(12) })
  await createTestSyncIssue({ merchantId: merchant.id, order: old.order!, status: 'OPEN', firstSeenAt: daysAgo(12) })
  expect(await getConnectionHealth({ merchantId: merchant.id, now: NOW })).toMatchObject({
    showBanner: true,
    state: 'issues',
    impact: { openIssues: 1, affectedOrders: 1, since: daysAgo(12) },
    errors: [],
  })
})

test('repeated identical failures are one row with a count and first/last time, so order errors stay in sight', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const orders = []
  for (let i = 0; i < 3; i++) orders.push(await createTestSyncFailure({ merchantId, at: hoursAgo(50 - i) }))
  // One SKU with no listing failing at every stock move, newer than every order failure.
  const { task } = await createTestSyncTask({ merchantId, operation: 'STOCK', sku: 'SKU-NOISY' })
  let newest
  for (let i = 0; i < 30; i++) newest = await createTestSyncFailure({ merchantId, task, at: hoursAgo(40 - i) })
  // Same SKU, another cause: a row of its own.
  const refused = await createTestSyncFailure({ merchantId, task, httpStatus: 400, errorKind: 'validation', message: 'Back Market refused the stock update: quantity', at: hoursAgo(5) })

  const health = await getConnectionHealth({ merchantId, now: NOW })
  expect(health.errors.map((e) => [e.id, e.sku ?? e.reference, e.count, e.firstAt, e.at])).toEqual([
    [refused.attempt.id, 'SKU-NOISY', 1, hoursAgo(5), hoursAgo(5)],
    [newest!.attempt.id, 'SKU-NOISY', 30, hoursAgo(40), hoursAgo(11)],
    ...orders.reverse().map((o, i) => [o.attempt.id, o.order!.reference, 1, hoursAgo(48 + i), hoursAgo(48 + i)]),
  ])
  expect(health.flows).toEqual({ parcelUpdate: true, stockUpdate: true })
})

test("a repeated failure's count and first time are its streak: since its first failure with no week without one", async () => {
  const merchant = await createTestMerchant()
  const { task } = await createTestSyncTask({ merchantId: merchant.id, operation: 'STOCK', sku: 'SKU-STREAK' })
  // A week-long quiet spell, then a streak that began before the banner's week and goes on in it.
  for (const at of [daysAgo(30), daysAgo(12), daysAgo(6), hoursAgo(1)]) await createTestSyncAttempt({ task, outcome: 'PERMANENT_FAILURE', at })
  const health = await getConnectionHealth({ merchantId: merchant.id, now: NOW })
  expect(health.errors).toMatchObject([{ sku: 'SKU-STREAK', count: 3, firstAt: daysAgo(12), at: hoursAgo(1) }])
})
