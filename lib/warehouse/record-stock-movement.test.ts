import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { createTestMerchant } from '@/test/factories'
import { jobsFor } from './flow-test-support'
import { recordStockMovement } from './record-stock-movement'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

/** A merchant with one product (deleted with the merchant when the test ends). */
async function setupProduct(quantity: number) {
  const merchant = await createTestMerchant()
  const product = await db.product.create({ data: { merchantId: merchant.id, sku: `SKU-${randomUUID().slice(0, 8)}`, title: 'iPhone 13 128 GB', quantity } })
  return { merchant, product }
}

const movementsOf = (productId: string) => db.stockMovement.findMany({ where: { productId }, orderBy: { createdAt: 'asc' } })
const stockTasksOf = (merchantId: string) => db.syncTask.findMany({ where: { merchantId, operation: 'STOCK' } })

test('a restock adds to the quantity, journals the movement and queues a STOCK update', async () => {
  const { merchant, product } = await setupProduct(3)

  const result = await recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 5, reason: 'restock' })

  expect(result.product).toEqual({ id: product.id, sku: product.sku, quantity: 8 })
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).quantity).toBe(8)
  expect(await movementsOf(product.id)).toMatchObject([{ merchantId: merchant.id, delta: 5, reason: 'restock', quantityAfter: 8 }])
  const tasks = await stockTasksOf(merchant.id)
  expect(tasks).toMatchObject([{ id: result.task?.id, sku: product.sku, status: 'QUEUED', origin: 'flow', orderId: null }])
  expect(await jobsFor(result.task!.id)).toBe(1)
})

test('stock never goes below zero: the movement is refused and nothing is written', async () => {
  const { merchant, product } = await setupProduct(2)

  await expect(recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: -3, reason: 'adjustment' })).rejects.toMatchObject({
    code: 'conflict',
    details: { quantity: 2, delta: -3 },
  })
  const emptied = await recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: -2, reason: 'adjustment', origin: 'simulator' })

  expect(emptied.product.quantity).toBe(0)
  expect(await movementsOf(product.id)).toMatchObject([{ delta: -2, quantityAfter: 0 }])
  expect(await stockTasksOf(merchant.id)).toMatchObject([{ origin: 'simulator' }])
})

test('ten movements in a row leave ten journal rows and ONE pending STOCK task', async () => {
  const { merchant, product } = await setupProduct(10)

  for (const delta of [4, -1, -2, 7, -3, 1, 1, -5, 2, -4]) {
    await recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta, reason: delta > 0 ? 'restock' : 'adjustment' })
  }

  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).quantity).toBe(10)
  expect((await movementsOf(product.id)).map((m) => m.quantityAfter)).toEqual([14, 13, 11, 18, 15, 16, 17, 12, 14, 10])
  expect(await stockTasksOf(merchant.id)).toHaveLength(1)
})

test('concurrent movements all count, and still share one task', async () => {
  const { merchant, product } = await setupProduct(0)

  await Promise.all(Array.from({ length: 8 }, () => recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 3, reason: 'restock' })))

  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).quantity).toBe(24)
  expect((await movementsOf(product.id)).map((m) => m.quantityAfter).sort((a, b) => a - b)).toEqual([3, 6, 9, 12, 15, 18, 21, 24])
  expect(await stockTasksOf(merchant.id)).toHaveLength(1)
})

test("an unknown SKU, or another merchant's, is not found", async () => {
  const { product } = await setupProduct(5)
  const other = await createTestMerchant()

  await expect(recordStockMovement({ merchantId: other.id, sku: product.sku, delta: 1, reason: 'restock' })).rejects.toMatchObject({ code: 'not_found' })
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).quantity).toBe(5)
  expect(await stockTasksOf(other.id)).toEqual([])
})

test('a movement of zero or of part of a unit is a 400', async () => {
  const { merchant, product } = await setupProduct(5)

  await expect(recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 0, reason: 'restock' })).rejects.toMatchObject({
    code: 'bad_request',
    fields: { delta: expect.any(Array) },
  })
  await expect(recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 1.5, reason: '' })).rejects.toMatchObject({
    code: 'bad_request',
    fields: { delta: expect.any(Array), reason: expect.any(Array) },
  })
  expect(await movementsOf(product.id)).toEqual([])
})

test('while Back Market is known to have no listing for the SKU, the movement counts but queues no update', async () => {
  const { merchant, product } = await setupProduct(3)
  await db.product.update({ where: { id: product.id }, data: { bmListingMissingSince: new Date() } })

  const result = await recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 2, reason: 'restock' })

  expect(result).toMatchObject({ product: { id: product.id, sku: product.sku, quantity: 5 }, task: null })
  expect(await movementsOf(product.id)).toMatchObject([{ delta: 2, quantityAfter: 5 }])
  expect(await stockTasksOf(merchant.id)).toEqual([])
})
