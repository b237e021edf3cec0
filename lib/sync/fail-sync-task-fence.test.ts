// A failed run's outcome is written only under its own claim: a run that stalled after its last
// check (its lease passed, another run took the task) must not overwrite the new run's claim.
import { expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { recordFailedRun } from './fail-sync-task'
import type { IssueTarget } from './record-sync-issue'
import { createTestSyncTask } from './testing/sync-factories'

async function takenOver(answer: BackMarketError) {
  const merchant = await createTestMerchant()
  const { task, order } = await createTestSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', status: 'SENT' })
  // Run 1 claimed it; it stalled, and run 2 claimed it since (attempt 2, its own lease).
  const lease = new Date(Date.now() + 8_000)
  await db.syncTask.update({ where: { id: task.id }, data: { attempts: 2, leaseUntil: lease } })
  const target: IssueTarget = { merchantId: merchant.id, operation: 'ACCEPT', orderId: order!.id, sku: null, reference: order!.reference }
  const outcome = await recordFailedRun({ task: { ...task, attempts: 1 }, target, err: answer, now: new Date() })
  return { task, outcome, lease, merchantId: merchant.id }
}

test("a stalled run's retry does not requeue the task another run holds, nor open an issue", async () => {
  const { task, outcome, lease, merchantId } = await takenOver(new BackMarketError('server', 'Back Market answered 503', { status: 503 }))
  expect(outcome).toBe('skipped')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 2, leaseUntil: lease, failureKind: null })
  expect(await db.syncIssue.count({ where: { merchantId } })).toBe(0)
})

test("a stalled run's final failure does not end the task another run holds, nor open an issue", async () => {
  const { task, outcome, lease, merchantId } = await takenOver(new BackMarketError('validation', 'Back Market refused the payload', { status: 400 }))
  expect(outcome).toBe('skipped')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 2, leaseUntil: lease, finishedAt: null })
  expect(await db.syncIssue.count({ where: { merchantId } })).toBe(0)
})

test('a run that still holds its claim records its failure and clears its lease', async () => {
  const merchant = await createTestMerchant()
  const { task, order } = await createTestSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', status: 'SENT' })
  await db.syncTask.update({ where: { id: task.id }, data: { attempts: 1, leaseUntil: new Date(Date.now() + 8_000) } })
  const target: IssueTarget = { merchantId: merchant.id, operation: 'ACCEPT', orderId: order!.id, sku: null, reference: order!.reference }
  const err = new BackMarketError('validation', 'Back Market refused the payload', { status: 400 })
  expect(await recordFailedRun({ task: { ...task, attempts: 1 }, target, err, now: new Date() })).toBe('failed')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'FAILED', attempts: 1, leaseUntil: null })
  expect(await db.syncIssue.count({ where: { merchantId: merchant.id } })).toBe(1)
})
