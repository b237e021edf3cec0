// The processor against the real database and, for what reaches Back Market, the sandbox over HTTP.
import { randomUUID } from 'node:crypto'
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { stopQueue } from '@/lib/sync/queue'
import { runSyncTask } from '@/lib/sync/run-sync-task'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import type { WarehouseEventInput } from './event-schema'
import { processPendingEvents } from './process-events'
import { recordWarehouseEvents } from './record-events'

const { control, newMerchant, merchantWithOrder } = await startBackMarketSandbox()
afterAll(() => stopQueue())

type Data = Record<string, unknown>
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute)).toISOString()

/** Records events of one merchant (ids made unique), as the route does. */
async function report(merchantId: string, events: Array<{ type: string; minute: number; data: Data; id?: string }>) {
  const sent = events.map((e) => ({ id: e.id ?? `evt-${randomUUID()}`, merchantId, type: e.type, occurredAt: at(e.minute), data: e.data }) as WarehouseEventInput)
  const results = await recordWarehouseEvents({ events: sent, apiKeyId: null })
  expect(results.every((r) => r.result === 'accepted' || r.result === 'duplicate')).toBe(true)
  return sent.map((e) => e.id)
}

const stored = (merchantId: string, eventId: string) => db.warehouseEvent.findUniqueOrThrow({ where: { merchantId_eventId: { merchantId, eventId } } })

test('events about an order not imported yet are parked, then applied after the import in occurredAt order', async () => {
  const { token, merchant } = await newMerchant('events-park')
  const bm = await control.createOrder({ token, lines: [{ sku: 'PARK-1' }] })
  const reference = String(bm.order_id)
  // Reported out of order: picking (9:05) reaches us before validated (9:01).
  const [picking] = await report(merchant.id, [{ type: 'order.picking_started', minute: 5, data: { reference } }])
  const [validated] = await report(merchant.id, [{ type: 'order.validated', minute: 1, data: { reference } }])
  await processPendingEvents()
  expect((await stored(merchant.id, picking!)).state).toBe('PARKED')
  expect((await stored(merchant.id, validated!)).state).toBe('PARKED')

  await importMerchantOrders({ merchantId: merchant.id })
  expect((await stored(merchant.id, picking!)).state).toBe('PENDING')
  await processPendingEvents()

  const first = await stored(merchant.id, validated!)
  const second = await stored(merchant.id, picking!)
  // Applied one step each: had picking gone first it would have walked validation itself, and
  // validated would be stale. (processedAt cannot tell: one UPDATE settles a run's events, in no
  // particular row order, so their clock_timestamp() values may come out either way.)
  expect(first).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied', outcomeParams: null })
  expect(second).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied', outcomeParams: null })
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } } })
  expect(order.status).toBe('PICKING')
})

test('shipped before validated walks validate → picking → packed → shipped, and Back Market gets accept then ship', async () => {
  const { token, merchant, reference } = await merchantWithOrder('events-walk', ['WALK-1'])
  const [shipped] = await report(merchant.id, [
    { type: 'order.shipped', minute: 30, data: { reference, carrier: 'Colissimo', trackingNumber: '6A 123 456', lines: [{ sku: 'WALK-1', imei: '356789012345678' }] } },
  ])
  await processPendingEvents()
  expect(await stored(merchant.id, shipped!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied', outcomeParams: { walked: ['VALIDATED', 'PICKING', 'PACKED', 'IN_TRANSIT'] } })
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, include: { lines: true } })
  expect(order).toMatchObject({ status: 'IN_TRANSIT', trackingNumber: '6A123456', shippedAt: new Date(at(30)) })
  expect(order.lines[0]!.imei).toBe('356789012345678')

  const tasks = await db.syncTask.findMany({ where: { orderId: order.id }, orderBy: [{ createdAt: 'asc' }, { operation: 'asc' }] })
  expect(tasks.map((t) => t.operation)).toEqual(['ACCEPT', 'SHIP'])
  for (const task of tasks) expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  const writes = (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`)
  expect(writes.map((w) => (w.body as { new_state: number }).new_state)).toEqual([2, 3])
  expect(writes[1]!.body).toMatchObject({ tracking_number: '6A123456', imei: '356789012345678' })
})

test('what cannot be walked is refused with the rule named, and the address check is kept', async () => {
  const merchant = await createTestMerchant()
  const blocked = await createTestOrder({ merchantId: merchant.id, currentAddress: { postalCode: '7500' } })
  const cancelled = await createTestOrder({ merchantId: merchant.id, status: 'CANCELLED' })
  const packed = await createTestOrder({ merchantId: merchant.id, status: 'PACKED', bmState: 1, lines: [{ bmState: 2 }] })
  const [ship, pick, deliver] = await report(merchant.id, [
    { type: 'order.shipped', minute: 1, data: { reference: blocked.reference, carrier: 'Colissimo', trackingNumber: 'T1' } },
    { type: 'order.picking_started', minute: 1, data: { reference: cancelled.reference } },
    { type: 'order.delivered', minute: 1, data: { reference: packed.reference } },
  ])
  await processPendingEvents()
  expect(await stored(merchant.id, ship!)).toMatchObject({ state: 'REFUSED', outcomeCode: 'address_errors', outcomeParams: { fields: { postalCode: expect.any(Array) } } })
  expect(await db.order.findUniqueOrThrow({ where: { id: blocked.id } })).toMatchObject({ status: 'CREATED', addressIssues: expect.any(Array) })
  expect(await stored(merchant.id, pick!)).toMatchObject({ state: 'REFUSED', outcomeCode: 'order_cancelled' })
  expect(await stored(merchant.id, deliver!)).toMatchObject({ state: 'REFUSED', outcomeCode: 'not_shipped' })
  expect(await db.syncTask.count({ where: { merchantId: merchant.id } })).toBe(0)
})

test('stock levels out of order: an older count never overwrites a newer one; an adjustment before the count is in it', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'LVL-1', title: 'Phone', quantity: 0 } })
  const [newer] = await report(merchant.id, [{ type: 'stock.level', minute: 20, data: { sku: 'LVL-1', quantity: 5 } }])
  await processPendingEvents()
  const [older, adjustedBefore, adjustedAfter] = await report(merchant.id, [
    { type: 'stock.level', minute: 10, data: { sku: 'LVL-1', quantity: 9 } },
    { type: 'stock.adjusted', minute: 15, data: { sku: 'LVL-1', delta: 2, reason: 'return' } },
    { type: 'stock.adjusted', minute: 25, data: { sku: 'LVL-1', delta: -1, reason: 'sold' } },
  ])
  await processPendingEvents()
  expect(await stored(merchant.id, newer!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied' })
  expect(await stored(merchant.id, older!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'stale' })
  expect(await stored(merchant.id, adjustedBefore!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'stale' })
  expect(await stored(merchant.id, adjustedAfter!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied' })
  expect(await db.product.findUniqueOrThrow({ where: { merchantId_sku: { merchantId: merchant.id, sku: 'LVL-1' } } })).toMatchObject({ quantity: 4, levelAt: new Date(at(20)) })
})

test('the same event again answers the first outcome', async () => {
  const merchant = await createTestMerchant()
  const event = { id: `evt-${randomUUID()}`, merchantId: merchant.id, type: 'stock.level', occurredAt: at(1), data: { sku: 'DUP-1', quantity: 3 } }
  await recordWarehouseEvents({ events: [event], apiKeyId: null })
  await processPendingEvents()
  expect(await recordWarehouseEvents({ events: [event], apiKeyId: null })).toEqual([
    { id: event.id, result: 'duplicate', state: 'applied', outcome: { code: 'applied', message: 'DUP-1 is at 3 unit(s).', params: { quantity: 3, created: true } } },
  ])
})

test('two processors at once apply every event exactly once', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'PAR-1', title: 'Phone', quantity: 0 } })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'PAR-2', title: 'Phone', quantity: 0 } })
  await report(merchant.id, Array.from({ length: 60 }, (_, i) => ({ type: 'stock.adjusted', minute: i % 60, data: { sku: `PAR-${(i % 2) + 1}`, delta: 1, reason: 'in' } })))
  await Promise.all([processPendingEvents({ concurrency: 2 }), processPendingEvents({ concurrency: 2 })])
  expect(await db.warehouseEvent.count({ where: { merchantId: merchant.id, state: 'APPLIED' } })).toBe(60)
  expect((await db.product.findMany({ where: { merchantId: merchant.id }, orderBy: { sku: 'asc' } })).map((p) => p.quantity)).toEqual([30, 30])
  expect(await db.stockMovement.count({ where: { merchantId: merchant.id } })).toBe(60)
})

test('an event whose transaction dies after its effect stays pending, the effect rolled back, and is applied once later', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED', lines: [{ bmState: 2 }] })
  const eventId = `crash-${randomUUID()}`
  // The database refuses the event's own state change: the worker dies between the effect and the commit.
  await db.$executeRawUnsafe(`CREATE FUNCTION "crash_${order.id.replaceAll('-', '')}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'killed mid-event'; END $$`)
  await db.$executeRawUnsafe(
    `CREATE TRIGGER "crash_${order.id.replaceAll('-', '')}" BEFORE UPDATE ON "WarehouseEvent" FOR EACH ROW WHEN (NEW."eventId" = '${eventId}' AND NEW.state = 'APPLIED') EXECUTE FUNCTION "crash_${order.id.replaceAll('-', '')}"()`,
  )
  try {
    await report(merchant.id, [{ id: eventId, type: 'order.picking_started', minute: 1, data: { reference: order.reference } }])
    await processPendingEvents()
    expect(await stored(merchant.id, eventId)).toMatchObject({ state: 'PENDING', attempts: 1, retryAt: expect.any(Date) })
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: order.version })
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER "crash_${order.id.replaceAll('-', '')}" ON "WarehouseEvent"`)
    await db.$executeRawUnsafe(`DROP FUNCTION "crash_${order.id.replaceAll('-', '')}"()`)
  }
  // Its retry comes due (instead of waiting out the backoff).
  await db.warehouseEvent.updateMany({ where: { merchantId: merchant.id, eventId }, data: { retryAt: new Date(0) } })
  await processPendingEvents()
  expect(await stored(merchant.id, eventId)).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied', attempts: 1 })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PICKING', version: order.version + 1 })
})

test('order.received stores the address check without moving the order; a carrier refusal blocks it', async () => {
  const merchant = await createTestMerchant()
  const bad = await createTestOrder({ merchantId: merchant.id, currentAddress: { postalCode: '7500' } })
  const good = await createTestOrder({ merchantId: merchant.id })
  const [badReceived, goodReceived, rejected] = await report(merchant.id, [
    { type: 'order.received', minute: 1, data: { reference: bad.reference } },
    { type: 'order.received', minute: 1, data: { reference: good.reference } },
    { type: 'order.address_rejected', minute: 2, data: { reference: good.reference, carrier: 'Colissimo', message: 'Street not found', fields: ['street'] } },
  ])
  await processPendingEvents()
  expect(await stored(merchant.id, badReceived!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'address_errors' })
  expect(await db.order.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ status: 'CREATED', addressIssues: expect.any(Array), addressCheckedAt: expect.any(Date) })
  expect(await stored(merchant.id, goodReceived!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'address_checked' })
  expect(await stored(merchant.id, rejected!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'blocked' })
  expect(await db.order.findUniqueOrThrow({ where: { id: good.id } })).toMatchObject({ status: 'CREATED', carrierRejection: { carrier: 'Colissimo', message: 'Street not found', fields: ['street'] } })
})

test('shipping an order a carrier refused is refused with that rule, and nothing of the walk is kept', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, lines: [{ bmState: 2 }] })
  const [rejected, shipped] = await report(merchant.id, [
    { type: 'order.address_rejected', minute: 1, data: { reference: order.reference, carrier: 'DHL', message: 'Unknown street', fields: ['street'] } },
    { type: 'order.shipped', minute: 2, data: { reference: order.reference, carrier: 'DHL', trackingNumber: 'JD0001' } },
  ])
  await processPendingEvents()
  expect(await stored(merchant.id, rejected!)).toMatchObject({ state: 'APPLIED', outcomeCode: 'blocked' })
  expect(await stored(merchant.id, shipped!)).toMatchObject({ state: 'REFUSED', outcomeCode: 'carrier_rejected_address', outcomeParams: { carrier: 'DHL' } })
  // The walk (validate, pick, pack) rolled back with the refused ship: the order is where it was.
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: order.version + 1 })
  expect(await db.syncTask.count({ where: { orderId: order.id } })).toBe(0)
})
