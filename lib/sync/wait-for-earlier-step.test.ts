// Accept, then ship: a SHIP whose ACCEPT is still pending waits for it instead of reaching Back
// Market first (where it would be refused with "Order status error"), whichever worker runs first.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createSyncTask, type EnqueueInput } from './enqueue-sync-task'
import { runSyncTask } from './run-sync-task'
import { STEP_WAIT_MS } from './wait-for-earlier-step'

const { control, merchantWithOrder } = await startBackMarketSandbox()

/** The task row only: no job is sent, so no queue worker of another test file can run it first. */
const newTask = (input: EnqueueInput) => db.$transaction((tx) => createSyncTask(tx, input))

test('a SHIP run before its pending ACCEPT waits, uncounted, and goes out once the ACCEPT is done', async () => {
  const { token, merchant, reference } = await merchantWithOrder('steps', ['S-1'])
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'IN_TRANSIT' } })
  const accept = await newTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  const ship = await newTask({
    merchantId: merchant.id,
    operation: 'SHIP',
    orderId: order.id,
    origin: 'flow',
    payload: { trackingNumber: 'TRK1', shipper: 'Colissimo' },
  })

  const now = new Date()
  expect(await runSyncTask({ taskId: ship.task.id, now: () => now })).toBe('waiting')
  const waiting = await db.syncTask.findUniqueOrThrow({ where: { id: ship.task.id } })
  expect(waiting).toMatchObject({ status: 'QUEUED', attempts: 0 })
  expect(waiting.nextAttemptAt?.getTime()).toBe(now.getTime() + STEP_WAIT_MS)
  expect((await control.requests(token)).filter((r) => r.method === 'POST')).toEqual([])

  expect(await runSyncTask({ taskId: accept.task.id })).toBe('verified')
  expect(await runSyncTask({ taskId: ship.task.id })).toBe('verified')
  const posts = (await control.requests(token)).filter((r) => r.method === 'POST').map((r) => (r.body as { new_state: number }).new_state)
  expect(posts).toEqual([2, 3])
  expect(await db.syncAttempt.count({ where: { taskId: ship.task.id, outcome: { not: 'SUCCESS' } } })).toBe(0)
})

test('a SHIP whose ACCEPT failed for good is not held back: Back Market’s refusal reaches the merchant', async () => {
  const { merchant, reference } = await merchantWithOrder('steps', ['S-2'])
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } } })
  const accept = await newTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await db.syncTask.update({ where: { id: accept.task.id }, data: { status: 'FAILED', dedupeKey: null, finishedAt: new Date() } })
  const ship = await newTask({ merchantId: merchant.id, operation: 'SHIP', orderId: order.id, origin: 'flow', payload: { trackingNumber: 'TRK2' } })
  expect(await runSyncTask({ taskId: ship.task.id })).not.toBe('waiting')
})
