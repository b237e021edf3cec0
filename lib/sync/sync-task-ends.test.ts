// Every sync task ends: a failure that is not Back Market's answer (our data, our side) is
// classified and the task ends, with an issue the merchant can read, instead of being retried by
// pg-boss and re-sent by the sweeper forever; and an ended task never blocks a new re-sync.
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { enqueueSyncTask } from './enqueue-sync-task'
import { stopQueue } from './queue'
import { requestOrderResync } from './request-order-resync'
import { RETRY_BUDGET } from './retry-policy'
import { runSyncTask } from './run-sync-task'
import { syncGroupKey } from './sync-keys'
import { testActor } from '@/test/audit-fixtures'

afterAll(() => stopQueue())

test('a payload our own schema refuses ends the task at once: failed, an issue naming the field, and the order can be re-synced once fixed', async () => {
  const merchant = await createTestMerchant()
  // Shipped in the warehouse with a tracking "URL" the carrier's integration mangled.
  const order = await createTestOrder({ merchantId: merchant.id, status: 'IN_TRANSIT' })
  await db.order.update({ where: { id: order.id }, data: { trackingNumber: '6A12345678901', trackingUrl: 'not a url', shipper: 'Colissimo' } })
  const first = await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })

  expect(await runSyncTask({ taskId: first.task.id })).toBe('failed')

  const task = await db.syncTask.findUniqueOrThrow({ where: { id: first.task.id } })
  expect(task).toMatchObject({ status: 'FAILED', failureKind: 'permanent', dedupeKey: null, attempts: 1, failureCode: 'invalid_task_data', failureParams: { fields: 'trackingUrl' } })
  expect(task.finishedAt).toBeInstanceOf(Date)
  expect(task.failureMessage).toMatch(/invalid \(trackingUrl\): nothing was sent to Back Market/)
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ status: 'OPEN', kind: 'INTERNAL', operation: 'SHIP', reference: order.reference, nextRetryAt: null, detail: { code: 'invalid_task_data', params: { fields: 'trackingUrl' } } })
  expect(await db.syncAttempt.count({ where: { taskId: task.id } })).toBe(0)
  expect(await runSyncTask({ taskId: task.id })).toBe('skipped')

  await db.order.update({ where: { id: order.id }, data: { trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' } })
  const again = await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })
  expect(again.created).toBe(true)
  expect(again.task.id).not.toBe(task.id)
})

test('an error on our side that is not about the data is retried within the budget, then dead-lettered with an issue', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  // A token nothing can decrypt: every run breaks on our side before reaching Back Market.
  await db.merchant.update({ where: { id: merchant.id }, data: { bmTokenEncrypted: 'not-a-ciphertext' } })
  const { task } = await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })

  expect(await runSyncTask({ taskId: task.id })).toBe('retry_scheduled')
  const waiting = await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })
  expect(waiting).toMatchObject({ status: 'QUEUED', failureKind: 'transient', failureCode: 'internal_retrying', attempts: 1, dedupeKey: syncGroupKey({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id }) })
  expect(await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ status: 'RETRYING', kind: 'INTERNAL', nextRetryAt: waiting.nextAttemptAt })

  const outcomes = []
  for (let i = 1; i < RETRY_BUDGET; i++) outcomes.push(await runSyncTask({ taskId: task.id }))
  expect(outcomes.at(-1)).toBe('failed')
  expect(outcomes.slice(0, -1).every((o) => o === 'retry_scheduled')).toBe(true)
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
    status: 'FAILED',
    failureKind: 'dead',
    dedupeKey: null,
    attempts: RETRY_BUDGET,
    failureCode: 'internal_gave_up',
    failureParams: { attempts: RETRY_BUDGET },
  })
  expect(await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ status: 'OPEN', kind: 'INTERNAL', occurrences: RETRY_BUDGET, nextRetryAt: null })
  expect((await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })).created).toBe(true)
})

test('a finished task still holding its dedupe key never blocks a new re-sync', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const dedupeKey = syncGroupKey({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id })
  // As a task ended before every end released its key was left.
  const dead = await db.syncTask.create({
    data: { merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow', status: 'FAILED', failureKind: 'dead', dedupeKey, finishedAt: new Date() },
  })

  const resync = await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })

  expect(resync.created).toBe(true)
  expect(resync.task).toMatchObject({ status: 'QUEUED', dedupeKey })
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: 'FAILED', dedupeKey: null })
  // A pending one is still joined: nothing is sent twice.
  expect(await requestOrderResync({ merchantId: merchant.id, reference: order.reference, actor: testActor() })).toMatchObject({ created: false, task: { id: resync.task.id } })
})

test('a stock update for a product we no longer have ends at once, with an issue naming what is missing', async () => {
  const merchant = await createTestMerchant()
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'STOCK', sku: 'GONE-1', origin: 'flow' })

  expect(await runSyncTask({ taskId: task.id })).toBe('failed')

  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'FAILED', failureKind: 'permanent', failureCode: 'missing_record', dedupeKey: null })
  expect(await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ status: 'OPEN', kind: 'INTERNAL', operation: 'STOCK', sku: 'GONE-1' })
})
