// Cancelling a line, from the warehouse to Back Market: the sandbox over real HTTP receives the
// call the line's state calls for (4, 5 or 6), and our order follows.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { enqueueSyncTask } from '@/lib/sync/enqueue-sync-task'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { requestBulkResync } from '@/lib/sync/request-bulk-resync'
import { runSyncTask } from '@/lib/sync/run-sync-task'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { cancelOrder } from './cancel-order'
import { cancelOrderLine } from './cancel-order-line'
import { tasksOf } from './flow-test-support'
import { validateOrder } from './validate-order'
import { testActor } from '@/test/audit-fixtures'

const { control, merchantWithOrder } = await startBackMarketSandbox()
beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

type BmLine = { listing: string; state: number; return_reason?: number; return_message?: string }

/** An order imported from the sandbox; its lines put in `bmState` on both sides, ours in `status`. */
async function orderAt(skus: string[], opts: { bmState?: number; status?: OrderStatus } = {}) {
  const { token, merchant, reference } = await merchantWithOrder('cancel', skus)
  if (opts.bmState) for (const sku of skus) await control.setLineState(reference, sku, token, opts.bmState)
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } } })
  await db.order.update({ where: { id: order.id }, data: { status: opts.status ?? 'CREATED' } })
  if (opts.bmState) await db.orderLine.updateMany({ where: { orderId: order.id }, data: { bmState: opts.bmState } })
  return { token, merchant, reference, orderId: order.id }
}

async function bmLines(token: string, reference: string): Promise<BmLine[]> {
  const { orders } = (await control.state(token)) as { orders: { order_id: number; orderlines: BmLine[] }[] }
  return orders.find((o) => String(o.order_id) === reference)!.orderlines
}

const cancelWrites = async (token: string, reference: string) =>
  (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`).map((r) => r.body)

test('before acceptance: the line is cancelled on Back Market (4); the order is cancelled with its last line', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['C-1', 'C-2'])

  const first = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'C-1' })
  expect(first).toMatchObject({ outcome: 'cancelled', newState: 4, order: { status: 'CREATED' }, task: { operation: 'CANCEL', sku: 'C-1', status: 'QUEUED' } })
  expect(await runSyncTask({ taskId: first.task!.id })).toBe('verified')
  expect((await bmLines(token, reference)).map((l) => l.state)).toEqual([4, 1])

  const last = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'C-2', returnMessage: 'Out of stock, sorry.' })
  expect(last).toMatchObject({ outcome: 'cancelled', newState: 4, order: { status: 'CANCELLED' } })
  expect(await runSyncTask({ taskId: last.task!.id })).toBe('verified')
  expect(await bmLines(token, reference)).toMatchObject([{ state: 4 }, { state: 4, return_message: 'Out of stock, sorry.' }])
  expect((await db.orderLine.findMany({ where: { orderId }, orderBy: { listing: 'asc' } })).map((l) => [l.bmState, l.cancelledAt !== null])).toEqual([
    [4, true],
    [4, true],
  ])
})

test('accepted: the line is refunded before shipping (5)', async () => {
  const { token, merchant, reference } = await orderAt(['R-1'], { bmState: 2, status: 'PICKING' })

  const result = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'R-1' })

  expect(result).toMatchObject({ newState: 5, order: { status: 'CANCELLED' } })
  expect(await runSyncTask({ taskId: result.task!.id })).toBe('verified')
  expect((await bmLines(token, reference))[0]).toMatchObject({ state: 5 })
})

test('shipped: a refund after shipping (6) needs the return reason, refused with 422 naming it; with it, Back Market gets both', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['S-1'], { bmState: 3, status: 'IN_TRANSIT' })

  await expect(cancelOrderLine({ merchantId: merchant.id, reference, sku: 'S-1' })).rejects.toMatchObject({
    code: 'unprocessable',
    fields: { returnReason: expect.any(Array) },
  })
  expect(await tasksOf(orderId)).toEqual([])

  const result = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'S-1', returnReason: 21, returnMessage: 'Faulty on opening: refunded.' })
  expect(result).toMatchObject({ newState: 6, order: { status: 'IN_TRANSIT' } })
  expect(await runSyncTask({ taskId: result.task!.id })).toBe('verified')
  expect((await bmLines(token, reference))[0]).toMatchObject({ state: 6, return_reason: 21, return_message: 'Faulty on opening: refunded.' })
})

test('Back Market moved the line since our copy (accepted meanwhile): its 400 is read back, and the refund (5) sent instead', async () => {
  const { token, merchant, reference } = await orderAt(['M-1'], { status: 'VALIDATED' })
  await control.setLineState(reference, 'M-1', token, 2)

  const result = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'M-1' })
  expect(result.newState).toBe(4)
  expect(await runSyncTask({ taskId: result.task!.id })).toBe('verified')

  expect((await cancelWrites(token, reference)).map((b) => (b as { new_state: number }).new_state)).toEqual([4, 5])
  expect((await bmLines(token, reference))[0]).toMatchObject({ state: 5 })
})

test('shipped on Back Market since, with no return reason given: nothing more is sent, the task fails saying why', async () => {
  const { token, merchant, reference } = await orderAt(['O-1'], { bmState: 2, status: 'PICKING' })
  await control.setLineState(reference, 'O-1', token, 3)

  const result = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'O-1' })
  expect(result.newState).toBe(5)
  expect(await runSyncTask({ taskId: result.task!.id })).toBe('failed')

  expect(await db.syncTask.findUniqueOrThrow({ where: { id: result.task!.id } })).toMatchObject({
    status: 'FAILED',
    failureKind: 'permanent',
    failureCode: 'cancel_needs_return_reason',
    failureParams: { sku: 'O-1' },
    preflight: { checks: expect.arrayContaining([expect.objectContaining({ name: 'transition', ok: true })]) },
  })
  expect(await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ operation: 'CANCEL', status: 'OPEN', sku: 'O-1' })
  expect((await cancelWrites(token, reference)).map((b) => (b as { new_state: number }).new_state)).toEqual([5])
  expect((await bmLines(token, reference))[0]).toMatchObject({ state: 3 })

  // The shipment was a mistake, undone on Back Market: the issue's re-sync sends the same cancellation again.
  await control.setLineState(reference, 'O-1', token, 2)
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  const [again] = await requestBulkResync({ merchantId: merchant.id, actor: testActor(), issueIds: [issue.id] })
  expect(again).toMatchObject({ reference, sku: 'O-1', created: true, error: null })
  expect(await runSyncTask({ taskId: again!.syncId! })).toBe('verified')
  expect((await bmLines(token, reference))[0]).toMatchObject({ state: 5 })
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'RESOLVED' })
})

test('a line renamed on our side: the call and the pre-flight of a refused cancellation use Back Market’s SKU', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['BM-1'])
  await db.orderLine.updateMany({ where: { orderId }, data: { sku: 'OURS-1' } })
  await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'OURS-1', bmSku: 'BM-1' } })
  // Back Market took the line back for a payment check: nothing can cancel it from there.
  await control.setLineState(reference, 'BM-1', token, 0)

  const result = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'OURS-1' })
  expect(await runSyncTask({ taskId: result.task!.id })).toBe('failed')

  expect((await cancelWrites(token, reference)).map((b) => (b as { sku: string }).sku)).toEqual(['BM-1', 'BM-1'])
  const task = await db.syncTask.findUniqueOrThrow({ where: { id: result.task!.id } })
  expect(task).toMatchObject({ status: 'FAILED', failureKind: 'permanent', sku: 'OURS-1' })
  expect(task.preflight).toMatchObject({
    canRetryHelp: false,
    checks: expect.arrayContaining([expect.objectContaining({ name: 'transition', ok: false, params: { action: 'cancel', lines: [{ sku: 'BM-1', state: 0 }] } })]),
  })
})

test('idempotent: cancelling the line again sends nothing; a re-run finding it cancelled on Back Market sends nothing either', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['I-1', 'I-2'])

  const once = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'I-1' })
  const twice = await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'I-1' })
  expect(twice).toMatchObject({ outcome: 'already_cancelled', task: null })
  expect(await runSyncTask({ taskId: once.task!.id })).toBe('verified')
  expect(await runSyncTask({ taskId: once.task!.id })).toBe('skipped')

  // A merchant's re-sync of the same cancellation: read first, Back Market has it, nothing written.
  const again = await enqueueSyncTask({ merchantId: merchant.id, operation: 'CANCEL', orderId, sku: 'I-1', origin: 'resync', payload: once.task!.payload! })
  expect(await runSyncTask({ taskId: again.task.id })).toBe('verified')
  expect(await db.syncAttempt.findMany({ where: { taskId: again.task.id }, select: { outcome: true } })).toEqual([{ outcome: 'ALREADY_APPLIED' }])
  expect(await cancelWrites(token, reference)).toHaveLength(1)
})

test('refusals name the rule: a line Back Market has not released (409), an unknown SKU (404), another merchant’s order (404)', async () => {
  const { merchant, reference, orderId } = await orderAt(['N-1'])
  await db.orderLine.updateMany({ where: { orderId }, data: { bmState: 0 } })
  const other = await orderAt(['X-1'])

  await expect(cancelOrderLine({ merchantId: merchant.id, reference, sku: 'N-1' })).rejects.toMatchObject({ code: 'conflict', details: { rule: 'line_not_released' } })
  await expect(cancelOrderLine({ merchantId: merchant.id, reference, sku: 'NOPE' })).rejects.toMatchObject({ code: 'not_found', fields: { sku: expect.any(Array) } })
  await expect(cancelOrderLine({ merchantId: other.merchant.id, reference, sku: 'N-1' })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.orderLine.findFirstOrThrow({ where: { orderId } })).toMatchObject({ cancelledAt: null })
  expect(await tasksOf(orderId)).toEqual([])
})

test('a cancelled line is not accepted: validating asks Back Market to accept only the lines left', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['V-1', 'V-2'])
  await control.setLineState(reference, 'V-1', token, 2)
  await db.orderLine.updateMany({ where: { orderId, listing: 'V-1' }, data: { bmState: 2 } })
  await cancelOrderLine({ merchantId: merchant.id, reference, sku: 'V-2' })

  const validated = await validateOrder({ merchantId: merchant.id, orderId })

  // V-1 was accepted by hand on Back Market and V-2 is being cancelled: nothing to accept.
  expect(validated).toMatchObject({ outcome: 'validated', task: null })
  expect((await tasksOf(orderId)).map((t) => t.operation)).toEqual(['CANCEL'])
})

test('cancelling the whole order cancels each open line through the same path, on Back Market too', async () => {
  const { token, merchant, reference, orderId } = await orderAt(['W-1', 'W-2'], { status: 'VALIDATED' })
  await control.setLineState(reference, 'W-2', token, 2)
  await db.orderLine.updateMany({ where: { orderId, listing: 'W-2' }, data: { bmState: 2 } })

  expect(await cancelOrder({ merchantId: merchant.id, orderId })).toMatchObject({ status: 'CANCELLED' })

  const tasks = await tasksOf(orderId)
  expect(tasks.map((t) => [t.operation, t.sku, (t.payload as { newState: number }).newState]).sort()).toEqual([
    ['CANCEL', 'W-1', 4],
    ['CANCEL', 'W-2', 5],
  ])
  for (const t of tasks) expect(await runSyncTask({ taskId: t.id })).toBe('verified')
  expect((await bmLines(token, reference)).map((l) => l.state)).toEqual([4, 5])
})
