// order.line_cancelled through the processor to the sandbox over HTTP: each path of Back Market's
// transition table (docs/backmarket.md §1.6) ends in the state it calls for.
import { randomUUID } from 'node:crypto'
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { stopQueue } from '@/lib/sync/queue'
import { runSyncTask } from '@/lib/sync/run-sync-task'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import type { WarehouseEventInput } from './event-schema'
import { processPendingEvents } from './process-events'
import { recordWarehouseEvents } from './record-events'

const { control, merchantWithOrder } = await startBackMarketSandbox()
afterAll(() => stopQueue())

let minute = 0
/** Reports one event, applies it, and runs the sync tasks it queued: what Back Market then has. */
async function happen(merchantId: string, type: string, data: Record<string, unknown>) {
  const id = `evt-${randomUUID()}`
  const event = { id, merchantId, type, occurredAt: new Date(Date.UTC(2026, 11, 6, 10, ++minute % 60)).toISOString(), data } as WarehouseEventInput
  await recordWarehouseEvents({ events: [event], apiKeyId: null })
  await processPendingEvents()
  const tasks = await db.syncTask.findMany({ where: { merchantId, status: 'QUEUED' }, orderBy: [{ createdAt: 'asc' }, { operation: 'asc' }] })
  for (const task of tasks) expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  return db.warehouseEvent.findUniqueOrThrow({ where: { merchantId_eventId: { merchantId, eventId: id } } })
}

async function bmLineStates(token: string, reference: string): Promise<Record<string, number>> {
  const { orders } = (await control.state(token)) as { orders: { order_id: number; orderlines: { listing: string; state: number }[] }[] }
  const order = orders.find((o) => String(o.order_id) === reference)!
  return Object.fromEntries(order.orderlines.map((l) => [l.listing, l.state]))
}

test('a line cancelled before acceptance reaches Back Market as new_state 4', async () => {
  const { token, merchant, reference } = await merchantWithOrder('events-cancel4', ['C4-A', 'C4-B'])
  expect(await happen(merchant.id, 'order.line_cancelled', { reference, sku: 'C4-A' })).toMatchObject({ state: 'APPLIED', outcomeParams: { newState: 4 } })
  expect(await bmLineStates(token, reference)).toMatchObject({ 'C4-A': 4, 'C4-B': 1 })
})

test('a line cancelled after acceptance is refunded before shipping: new_state 5', async () => {
  const { token, merchant, reference } = await merchantWithOrder('events-cancel5', ['C5-A', 'C5-B'])
  await happen(merchant.id, 'order.validated', { reference })
  expect(await bmLineStates(token, reference)).toEqual({ 'C5-A': 2, 'C5-B': 2 })
  expect(await happen(merchant.id, 'order.line_cancelled', { reference, sku: 'C5-B' })).toMatchObject({ state: 'APPLIED', outcomeParams: { newState: 5 } })
  expect(await bmLineStates(token, reference)).toEqual({ 'C5-A': 2, 'C5-B': 5 })
})

test('after shipping: refused without the return reason (rule named), refunded with it as new_state 6', async () => {
  const { token, merchant, reference } = await merchantWithOrder('events-cancel6', ['C6-A'])
  await happen(merchant.id, 'order.shipped', { reference, carrier: 'Colissimo', trackingNumber: 'C6TRACK' })
  expect(await bmLineStates(token, reference)).toEqual({ 'C6-A': 3 })

  expect(await happen(merchant.id, 'order.line_cancelled', { reference, sku: 'C6-A' })).toMatchObject({ state: 'REFUSED', outcomeCode: 'return_reason_required' })
  const refund = await happen(merchant.id, 'order.line_cancelled', { reference, sku: 'C6-A', returnReason: 11, returnMessage: 'Screen arrived cracked' })
  expect(refund).toMatchObject({ state: 'APPLIED', outcomeParams: { newState: 6 } })
  expect(await bmLineStates(token, reference)).toEqual({ 'C6-A': 6 })
  const writes = (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`)
  expect(writes.at(-1)!.body).toMatchObject({ new_state: 6, return_reason: 11, return_message: 'Screen arrived cracked' })
})

test('a line cancelled just before the parcel leaves, both in one batch: the cancellation reaches Back Market first, then the SHIP, whichever task a worker runs first', async () => {
  const { token, merchant, reference } = await merchantWithOrder('events-cancel-ship', ['CS-A', 'CS-B'])
  const at = (m: number) => new Date(Date.UTC(2026, 11, 6, 11, m)).toISOString()
  await recordWarehouseEvents({
    apiKeyId: null,
    events: [
      { id: `evt-${randomUUID()}`, merchantId: merchant.id, type: 'order.line_cancelled', occurredAt: at(1), data: { reference, sku: 'CS-A' } },
      { id: `evt-${randomUUID()}`, merchantId: merchant.id, type: 'order.shipped', occurredAt: at(2), data: { reference, carrier: 'Colissimo', trackingNumber: 'CSTRACK' } },
    ],
  })
  await processPendingEvents()
  const tasks = await db.syncTask.findMany({ where: { merchantId: merchant.id, status: 'QUEUED' } })
  const byOp = Object.fromEntries(tasks.map((t) => [t.operation, t.id]))
  expect(Object.keys(byOp).sort()).toEqual(['ACCEPT', 'CANCEL', 'SHIP'])
  // The worst order a set of workers could pick: the SHIP first, then the ACCEPT.
  expect(await runSyncTask({ taskId: byOp.SHIP! })).toBe('waiting')
  expect(await runSyncTask({ taskId: byOp.ACCEPT! })).toBe('verified')
  expect(await runSyncTask({ taskId: byOp.SHIP! })).toBe('waiting')
  expect(await runSyncTask({ taskId: byOp.CANCEL! })).toBe('verified')
  expect(await runSyncTask({ taskId: byOp.SHIP! })).toBe('verified')
  expect(await bmLineStates(token, reference)).toEqual({ 'CS-A': 4, 'CS-B': 3 })
})
