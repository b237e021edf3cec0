import { expect, test } from 'vitest'
import { dailyOutcomes } from '@/lib/sync/daily-outcomes'
import { recordSyncFailure, resolveSyncIssues } from '@/lib/sync/record-sync-issue'
import { createTestSyncAttempt, createTestSyncIssue, createTestSyncTask, uniqueSku } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant } from '@/test/factories'

// Tuesday 8 December 2026, 12:00 UTC (21:00 in Tokyo).
const NOW = new Date('2026-12-08T12:00:00.000Z')
const zero = { failed: 0, recovered: 0 }
const DAYS = ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08']

/** The engine's own writes: the call logged, then its issue opened or resolved. */
async function failThenRecover(opts: { merchantId: string; operation: 'ACCEPT' | 'STOCK'; failedAt: Date; recoveredAt: Date }) {
  const sku = opts.operation === 'STOCK' ? uniqueSku() : undefined
  const { task, order } = await createTestSyncTask({ merchantId: opts.merchantId, operation: opts.operation, sku, status: 'VERIFIED' })
  const target = { merchantId: opts.merchantId, operation: opts.operation, orderId: order?.id ?? null, sku: task.sku, reference: order?.reference ?? null }
  await createTestSyncAttempt({ task, reference: order?.reference, outcome: 'TRANSIENT_FAILURE', at: opts.failedAt, httpStatus: 503 })
  await recordSyncFailure({ target, kind: 'CONNECTION', message: 'Back Market answered 503', nextRetryAt: opts.recoveredAt, taskId: task.id, now: opts.failedAt })
  await createTestSyncAttempt({ task, reference: order?.reference, outcome: 'SUCCESS', at: opts.recoveredAt, attempt: 2 })
  expect(await resolveSyncIssues({ target, resolution: 'success', now: opts.recoveredAt })).toBe(1)
  return { task, order }
}

test('a failure then a verified retry: failed 1 that day, recovered 1 the day it went through, zeros elsewhere', async () => {
  const merchant = await createTestMerchant()
  await failThenRecover({ merchantId: merchant.id, operation: 'ACCEPT', failedAt: new Date('2026-12-06T09:00:00Z'), recoveredAt: new Date('2026-12-07T10:00:00Z') })

  const outcomes = await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'UTC', now: NOW })
  expect(outcomes.get(merchant.id)).toEqual(
    DAYS.map((day) => ({
      day,
      parcelUpdate: day === '2026-12-06' ? { failed: 1, recovered: 0 } : day === '2026-12-07' ? { failed: 0, recovered: 1 } : zero,
      stockUpdate: zero,
    })),
  )
})

test('the same instants fall on another day in Asia/Tokyo than in UTC', async () => {
  const merchant = await createTestMerchant()
  // 16:00 UTC on the 5th is 01:00 on the 6th in Tokyo; 14:30 UTC on the 7th is 23:30 there.
  await failThenRecover({ merchantId: merchant.id, operation: 'STOCK', failedAt: new Date('2026-12-05T16:00:00Z'), recoveredAt: new Date('2026-12-07T14:30:00Z') })

  const utc = (await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'UTC', now: NOW })).get(merchant.id)!
  expect(utc.filter((d) => d.stockUpdate.failed + d.stockUpdate.recovered > 0)).toEqual([
    { day: '2026-12-05', parcelUpdate: zero, stockUpdate: { failed: 1, recovered: 0 } },
    { day: '2026-12-07', parcelUpdate: zero, stockUpdate: { failed: 0, recovered: 1 } },
  ])

  const tokyo = (await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'Asia/Tokyo', now: NOW })).get(merchant.id)!
  // At 21:00 on the 8th in Tokyo, the week is the 2nd to the 8th there too.
  expect(tokyo.map((d) => d.day)).toEqual(DAYS)
  expect(tokyo.filter((d) => d.stockUpdate.failed + d.stockUpdate.recovered > 0)).toEqual([
    { day: '2026-12-06', parcelUpdate: zero, stockUpdate: { failed: 1, recovered: 0 } },
    { day: '2026-12-07', parcelUpdate: zero, stockUpdate: { failed: 0, recovered: 1 } },
  ])

  // In Honolulu it is 02:00 on the 8th: the failure is on the 5th, the recovery at 04:30 on the 7th.
  const honolulu = (await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'Pacific/Honolulu', now: NOW })).get(merchant.id)!
  expect(honolulu.at(-1)?.day).toBe('2026-12-08')
  expect(honolulu.find((d) => d.day === '2026-12-05')?.stockUpdate).toEqual({ failed: 1, recovered: 0 })
  expect(honolulu.find((d) => d.day === '2026-12-07')?.stockUpdate).toEqual({ failed: 0, recovered: 1 })
})

test('every failed attempt counts, per flow; successes, dismissals, still-open issues and other merchants do not recover anything', async () => {
  const merchant = await createTestMerchant()
  const other = await createTestMerchant()
  const at = new Date('2026-12-08T08:00:00Z')
  const ship = await createTestSyncTask({ merchantId: merchant.id, operation: 'SHIP', status: 'FAILED' })
  for (let attempt = 1; attempt <= 3; attempt++) {
    await createTestSyncAttempt({ task: ship.task, reference: ship.order?.reference, outcome: attempt < 3 ? 'TRANSIENT_FAILURE' : 'PERMANENT_FAILURE', at, attempt })
  }
  const cancel = await createTestSyncTask({ merchantId: merchant.id, operation: 'CANCEL', sku: 'LINE-SKU', status: 'FAILED' })
  await createTestSyncAttempt({ task: cancel.task, reference: cancel.order?.reference, outcome: 'PERMANENT_FAILURE', at })
  const fine = await createTestSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', status: 'VERIFIED' })
  await createTestSyncAttempt({ task: fine.task, reference: fine.order?.reference, outcome: 'SUCCESS', at })
  await createTestSyncAttempt({ task: fine.task, reference: fine.order?.reference, outcome: 'ALREADY_APPLIED', at })
  await createTestSyncIssue({ merchantId: merchant.id, operation: 'SHIP', order: ship.order!, status: 'OPEN', firstSeenAt: at })
  await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku: uniqueSku(), status: 'DISMISSED', firstSeenAt: at })
  // Resolved at 23:00 in Paris on the 1st: before the window, not this week's recovery.
  await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku: uniqueSku(), status: 'RESOLVED', firstSeenAt: new Date('2026-11-20T00:00:00Z'), resolvedAt: new Date('2026-12-01T22:00:00Z') })
  await failThenRecover({ merchantId: other.id, operation: 'ACCEPT', failedAt: at, recoveredAt: at })

  const outcomes = await dailyOutcomes({ merchantIds: [merchant.id, other.id], timeZone: 'Europe/Paris', now: NOW })
  expect(outcomes.get(merchant.id)?.at(-1)).toEqual({ day: '2026-12-08', parcelUpdate: { failed: 4, recovered: 0 }, stockUpdate: zero })
  expect(outcomes.get(merchant.id)?.slice(0, -1)).toEqual(DAYS.slice(0, -1).map((day) => ({ day, parcelUpdate: zero, stockUpdate: zero })))
  expect(outcomes.get(other.id)?.at(-1)).toEqual({ day: '2026-12-08', parcelUpdate: { failed: 1, recovered: 1 }, stockUpdate: zero })
})

test('the window runs from the first local day\'s start to now: a failure after now or before that start is left out', async () => {
  const merchant = await createTestMerchant()
  const { task, order } = await createTestSyncTask({ merchantId: merchant.id, operation: 'ACCEPT' })
  // Paris: the 2nd starts at 23:00 UTC on the 1st.
  for (const at of ['2026-12-01T22:59:59.999Z', '2026-12-01T23:00:00.000Z', '2026-12-08T12:00:00.000Z', '2026-12-08T12:00:00.001Z']) {
    await createTestSyncAttempt({ task, reference: order?.reference, outcome: 'PERMANENT_FAILURE', at: new Date(at) })
  }
  const paris = (await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'Europe/Paris', now: NOW })).get(merchant.id)!
  expect(paris.map((d) => d.parcelUpdate.failed)).toEqual([1, 0, 0, 0, 0, 0, 1])
})

test('merchants without a row still get their days; no merchant asked, an empty map', async () => {
  const merchant = await createTestMerchant()
  const outcomes = await dailyOutcomes({ merchantIds: [merchant.id], timeZone: 'UTC', days: 3, now: NOW })
  expect(outcomes.get(merchant.id)).toEqual(['2026-12-06', '2026-12-07', '2026-12-08'].map((day) => ({ day, parcelUpdate: zero, stockUpdate: zero })))
  expect((await dailyOutcomes({ merchantIds: [], timeZone: 'UTC', now: NOW })).size).toBe(0)
})
