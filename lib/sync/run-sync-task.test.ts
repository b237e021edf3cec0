// The sync engine against the real sandbox over HTTP and the real database: what Back Market
// receives (the sandbox's request log), what we record, and how issues live and resolve.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { enqueueSyncTask } from './enqueue-sync-task'
import { RETRY_BUDGET } from './retry-policy'
import { runSyncTask } from './run-sync-task'
import { sandboxOrders } from './testing/sandbox-orders'

const { control, newMerchant, merchantWithOrder } = await startBackMarketSandbox()

const { validatedOrder, writes, lineStates } = sandboxOrders({ control, merchantWithOrder }, 'sync')

test('accepting a validated order: one call per line, verified by read-back, our copy refreshed', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['A-1', 'A-2'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')

  expect(await lineStates(token, reference)).toEqual([2, 2])
  expect(await writes(token, reference)).toHaveLength(2)
  const done = await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })
  expect(done).toMatchObject({ status: 'VERIFIED', attempts: 1, dedupeKey: null })
  expect(done.verifiedAt).toBeInstanceOf(Date)
  expect((await db.orderLine.findMany({ where: { orderId: order.id } })).map((l) => l.bmState)).toEqual([2, 2])
  const attempts = await db.syncAttempt.findMany({ where: { taskId: task.id } })
  expect(attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([['SUCCESS', 200], ['SUCCESS', 200]])
})

test('a second request for the same pending sync joins it instead of sending twice', async () => {
  const { merchant, order } = await validatedOrder()
  const a = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' })
  const b = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' })
  const [c, d] = await Promise.all([
    enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' }),
    enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' }),
  ])
  expect([a.created, b.created, c.created, d.created]).toEqual([true, false, false, false])
  expect(new Set([a.task.id, b.task.id, c.task.id, d.task.id]).size).toBe(1)
})

test('a SKU renamed on our side: 404, an open issue with Cubyn’s message, a pre-flight naming both SKUs; fixing it and re-syncing resolves it', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['REN-1'])
  await db.orderLine.updateMany({ where: { orderId: order.id }, data: { sku: 'REN-1-NEW' } })
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('failed')

  const failed = await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })
  expect(failed).toMatchObject({ status: 'FAILED', failureKind: 'permanent' })
  expect(failed.preflight).toMatchObject({ canRetryHelp: false, checks: expect.arrayContaining([expect.objectContaining({ name: 'sku_match', ok: false })]) })
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ status: 'OPEN', kind: 'NOT_FOUND', operation: 'ACCEPT', reference })
  expect(issue.message).toMatch(/^We couldn't find a matching order_id and\/or SKU on Backmarket/)
  expect(await writes(token, reference)).toHaveLength(1)

  await db.orderLine.updateMany({ where: { orderId: order.id }, data: { sku: 'REN-1' } })
  const again = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' })
  expect(await runSyncTask({ taskId: again.task.id })).toBe('verified')
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'RESOLVED', resolution: 'success', groupKey: null })
})

test('a line cancelled by hand on Back Market: order status error, no retry', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['CXL-1'])
  await control.setLineState(reference, 'CXL-1', token, 4)
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('failed')
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ status: 'OPEN', kind: 'STATUS_ERROR', nextRetryAt: null })
  expect(issue.message).toMatch(/^Order status error/)
})

test('a sale already accepted by hand on Back Market is recognised by read-back, not reported as an error', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['HAND-1'])
  await control.setLineState(reference, 'HAND-1', token, 2)
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  const attempts = await db.syncAttempt.findMany({ where: { taskId: task.id }, orderBy: { createdAt: 'asc' } })
  expect(attempts.map((a) => a.outcome)).toEqual(['PERMANENT_FAILURE', 'ALREADY_APPLIED'])
  expect(await db.syncIssue.count({ where: { merchantId: merchant.id, status: { in: ['OPEN', 'RETRYING'] } } })).toBe(0)
})

test('Back Market down: retrying with a next retry time, then resolved by a later success', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['DOWN-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await control.setFaults({ error5xxRate: 1 })
  try {
    expect(await runSyncTask({ taskId: task.id })).toBe('retry_scheduled')
  } finally {
    await control.clearFaults()
  }
  const waiting = await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })
  expect(waiting).toMatchObject({ status: 'QUEUED', failureKind: 'transient' })
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ status: 'RETRYING', kind: 'CONNECTION' })
  expect(issue.nextRetryAt!.getTime()).toBe(waiting.nextAttemptAt!.getTime())

  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await lineStates(token, reference)).toEqual([2])
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'RESOLVED', resolution: 'success' })
})

test('past the retry budget the task is dead-lettered and the issue stays open for the merchant', async () => {
  const { merchant, order } = await validatedOrder(['DEAD-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await control.setFaults({ error5xxRate: 1 })
  try {
    const outcomes = []
    for (let i = 0; i < RETRY_BUDGET; i++) outcomes.push(await runSyncTask({ taskId: task.id }))
    expect(outcomes.at(-1)).toBe('failed')
    expect(outcomes.slice(0, -1).every((o) => o === 'retry_scheduled')).toBe(true)
  } finally {
    await control.clearFaults()
  }
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'FAILED', failureKind: 'dead', attempts: RETRY_BUDGET })
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ status: 'OPEN', kind: 'CONNECTION', occurrences: RETRY_BUDGET })
  expect(await runSyncTask({ taskId: task.id })).toBe('skipped')
})

test('a lost answer to a write: the retry reads Back Market back and sends nothing twice', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['LOST-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await control.setFaults({ lostWriteResponseRate: 1 })
  try {
    expect(await runSyncTask({ taskId: task.id })).toBe('retry_scheduled')
  } finally {
    await control.clearFaults()
  }
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(1)
  const last = await db.syncAttempt.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { createdAt: 'desc' } })
  expect(last.outcome).toBe('ALREADY_APPLIED')
})

// A worker killed (SIGKILL) mid-call: task-lease.test.ts.

test('shipping sends the tracking number once; a re-sync of a shipped order sends nothing', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['SHIP-1'])
  const accept = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await runSyncTask({ taskId: accept.task.id })
  const payload = { trackingNumber: '6A12345678901', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901', shipper: 'Colissimo' }
  const ship = await enqueueSyncTask({ merchantId: merchant.id, operation: 'SHIP', orderId: order.id, origin: 'flow', payload })
  expect(await runSyncTask({ taskId: ship.task.id })).toBe('verified')
  expect(await lineStates(token, reference)).toEqual([3])
  const shipped = (await writes(token, reference)).at(-1)!
  expect(shipped.body).toMatchObject({ new_state: 3, tracking_number: '6A12345678901', shipper: 'Colissimo' })

  const resync = await enqueueSyncTask({ merchantId: merchant.id, operation: 'SHIP', orderId: order.id, origin: 'resync', payload })
  expect(await runSyncTask({ taskId: resync.task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(2) // accept + ship, nothing more
})

test('stock: many movements, one update with the latest quantity; an unknown SKU is a not-found issue', async () => {
  const { token, merchant } = await newMerchant('stock')
  await control.createListing({ token, sku: 'STK-1', quantity: 5 })
  await db.product.createMany({ data: [{ merchantId: merchant.id, sku: 'STK-1', title: 'Phone', quantity: 5 }, { merchantId: merchant.id, sku: 'STK-GHOST', title: 'Ghost', quantity: 1 }] })
  let first
  for (const q of [4, 3, 9]) {
    await db.product.update({ where: { merchantId_sku: { merchantId: merchant.id, sku: 'STK-1' } }, data: { quantity: q } })
    const r = await enqueueSyncTask({ merchantId: merchant.id, operation: 'STOCK', sku: 'STK-1', origin: 'flow' })
    first ??= r.task.id
    expect(r.task.id).toBe(first)
  }
  expect(await runSyncTask({ taskId: first! })).toBe('verified')
  const updates = (await control.requests(token)).filter((r) => r.method === 'POST')
  expect(updates).toHaveLength(1)
  expect(updates[0]!.body).toMatchObject({ quantity: 9 })

  const ghost = await enqueueSyncTask({ merchantId: merchant.id, operation: 'STOCK', sku: 'STK-GHOST', origin: 'flow' })
  expect(await runSyncTask({ taskId: ghost.task.id })).toBe('failed')
  expect(await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id, sku: 'STK-GHOST' } })).toMatchObject({ kind: 'NOT_FOUND', operation: 'STOCK', status: 'OPEN' })
})

test('a merchant’s SKU mapping is what Back Market receives, for accepts and stock updates', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['MAP-1'])
  await db.orderLine.updateMany({ where: { orderId: order.id }, data: { sku: 'MAP-1-RENAMED' } })
  await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'MAP-1-RENAMED', bmSku: 'MAP-1' } })
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect((await writes(token, reference)).map((w) => (w.body as { sku: string }).sku)).toEqual(['MAP-1'])

  await control.createListing({ token, sku: 'MAP-1', quantity: 1 })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'MAP-1-RENAMED', title: 'Phone', quantity: 7 } })
  const stock = await enqueueSyncTask({ merchantId: merchant.id, operation: 'STOCK', sku: 'MAP-1-RENAMED', origin: 'flow' })
  expect(await runSyncTask({ taskId: stock.task.id })).toBe('verified')
  const { listings } = (await control.state(token)) as { listings: { sku: string; quantity: number }[] }
  expect(listings.find((l) => l.sku === 'MAP-1')!.quantity).toBe(7)
})
