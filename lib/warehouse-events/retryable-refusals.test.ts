// Refusals that may not hold for long are retried, not settled at once: out of order is normal,
// so a stock withdrawal may arrive before the delivery that brought the units, and Back Market may
// still be checking a payment when the warehouse validates the order.
import { randomUUID } from 'node:crypto'
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { stopQueue } from '@/lib/sync/queue'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import type { WarehouseEventInput } from './event-schema'
import { MAX_ATTEMPTS, processPendingEvents } from './process-events'
import { recordWarehouseEvents } from './record-events'

afterAll(() => stopQueue())

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute)).toISOString()

async function report(merchantId: string, type: string, minute: number, data: Record<string, unknown>): Promise<string> {
  const id = `evt-${randomUUID()}`
  await recordWarehouseEvents({ events: [{ id, merchantId, type, occurredAt: at(minute), data } as WarehouseEventInput], apiKeyId: null })
  return id
}

const stored = (merchantId: string, eventId: string) => db.warehouseEvent.findUniqueOrThrow({ where: { merchantId_eventId: { merchantId, eventId } } })
/** As if the retry delay had passed. */
const dueNow = (merchantId: string) => db.warehouseEvent.updateMany({ where: { merchantId, state: 'PENDING' }, data: { retryAt: null } })

test('a withdrawal reported before the delivery that made it possible waits for it: the stock ends right', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'OOO-1', title: 'Phone', quantity: 0 } })
  const out = await report(merchant.id, 'stock.adjusted', 20, { sku: 'OOO-1', delta: -5, reason: 'sold' })
  await processPendingEvents()
  expect(await stored(merchant.id, out)).toMatchObject({ state: 'PENDING', attempts: 1 })

  const delivery = await report(merchant.id, 'stock.adjusted', 10, { sku: 'OOO-1', delta: 10, reason: 'delivery' })
  await processPendingEvents()
  expect(await stored(merchant.id, delivery)).toMatchObject({ state: 'APPLIED' })
  await dueNow(merchant.id)
  await processPendingEvents()
  expect(await stored(merchant.id, out)).toMatchObject({ state: 'APPLIED', outcomeCode: 'applied' })
  expect((await db.product.findUniqueOrThrow({ where: { merchantId_sku: { merchantId: merchant.id, sku: 'OOO-1' } } })).quantity).toBe(5)
})

test('a withdrawal still impossible at its last attempt is refused with its rule, not as our error', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'OOO-2', title: 'Phone', quantity: 1 } })
  const out = await report(merchant.id, 'stock.adjusted', 20, { sku: 'OOO-2', delta: -5, reason: 'sold' })
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    await dueNow(merchant.id)
    await processPendingEvents()
  }
  expect(await stored(merchant.id, out)).toMatchObject({ state: 'REFUSED', outcomeCode: 'insufficient_stock', attempts: MAX_ATTEMPTS })
})

test('validated while Back Market still checks the payment: retried, and applied once the line is released', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, lines: [{ bmState: 0 }] })
  const validated = await report(merchant.id, 'order.validated', 5, { reference: order.reference })
  await processPendingEvents()
  expect(await stored(merchant.id, validated)).toMatchObject({ state: 'PENDING', attempts: 1 })

  await db.orderLine.updateMany({ where: { orderId: order.id }, data: { bmState: 1 } })
  await dueNow(merchant.id)
  await processPendingEvents()
  expect(await stored(merchant.id, validated)).toMatchObject({ state: 'APPLIED' })
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('VALIDATED')
})
