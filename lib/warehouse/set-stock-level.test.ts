import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { createTestMerchant } from '@/test/factories'
import { jobsFor } from './flow-test-support'
import { setStockLevel } from './set-stock-level'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00Z`)
const newSku = () => `SKU-${randomUUID().slice(0, 8)}`

async function setupProduct(quantity: number, extra: { levelAt?: Date; bmListingMissingSince?: Date } = {}) {
  const merchant = await createTestMerchant()
  const product = await db.product.create({ data: { merchantId: merchant.id, sku: newSku(), title: 'iPhone 13 128 GB', quantity, ...extra } })
  return { merchant, product }
}

const movementsOf = (productId: string) => db.stockMovement.findMany({ where: { productId }, orderBy: { createdAt: 'asc' } })
const stockTasksOf = (merchantId: string) => db.syncTask.findMany({ where: { merchantId, operation: 'STOCK' } })

test('a level sets the quantity, journals the delta, records when it was counted and queues a STOCK update', async () => {
  const { merchant, product } = await setupProduct(3)

  const result = await setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity: 11, occurredAt: at('09:00') })

  expect(result).toMatchObject({ outcome: 'applied', created: false, product: { id: product.id, quantity: 11, levelAt: at('09:00') } })
  expect(await movementsOf(product.id)).toMatchObject([{ delta: 8, quantityAfter: 11, reason: 'Stock level counted by the warehouse' }])
  const tasks = await stockTasksOf(merchant.id)
  expect(tasks).toMatchObject([{ sku: product.sku, status: 'QUEUED' }])
  expect(await jobsFor(tasks[0]!.id)).toBe(1)
})

test('levels arriving out of order: the latest count wins, an older one changes nothing', async () => {
  const { merchant, product } = await setupProduct(0)
  const level = (quantity: number, occurredAt: Date) => setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity, occurredAt })

  await level(7, at('09:10'))
  expect(await level(2, at('09:00'))).toMatchObject({ outcome: 'stale', product: { quantity: 7, levelAt: at('09:10') } })
  await level(5, at('09:20'))

  expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ quantity: 5, levelAt: at('09:20') })
  expect((await movementsOf(product.id)).map((m) => m.delta)).toEqual([7, -2])
  expect(await stockTasksOf(merchant.id)).toHaveLength(1)
})

test('the same count again moves levelAt only: no movement, no update for Back Market', async () => {
  const { merchant, product } = await setupProduct(4, { levelAt: at('08:00') })

  const result = await setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity: 4, occurredAt: at('09:00') })

  expect(result).toMatchObject({ outcome: 'applied', movement: null, task: null, product: { quantity: 4, levelAt: at('09:00') } })
  expect(await movementsOf(product.id)).toEqual([])
  expect(await stockTasksOf(merchant.id)).toEqual([])
})

test('while Back Market has no listing for the SKU, the level is kept and nothing is queued', async () => {
  const { merchant, product } = await setupProduct(1, { bmListingMissingSince: at('07:00') })

  const result = await setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity: 9, occurredAt: at('09:00') })

  expect(result).toMatchObject({ outcome: 'applied', task: null, product: { quantity: 9 } })
  expect(await stockTasksOf(merchant.id)).toEqual([])
})

test('a SKU the warehouse reports first is created, titled with its SKU, for this merchant only', async () => {
  const merchant = await createTestMerchant()
  const other = await createTestMerchant()
  const sku = newSku()

  const result = await setStockLevel({ merchantId: merchant.id, sku, quantity: 6, occurredAt: at('09:00') })

  expect(result).toMatchObject({ outcome: 'applied', created: true })
  expect(await db.product.findMany({ where: { sku } })).toMatchObject([{ merchantId: merchant.id, title: sku, quantity: 6 }])
  expect(await stockTasksOf(other.id)).toEqual([])
})

test('concurrent levels of one SKU: the latest count stands, and the journal adds up to it', async () => {
  const { merchant, product } = await setupProduct(0)
  const counts = [3, 8, 1, 6, 4, 9, 2, 5]

  await Promise.all(counts.map((quantity, i) => setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity, occurredAt: new Date(at('09:00').getTime() + i * 1000) })))

  const after = await db.product.findUniqueOrThrow({ where: { id: product.id } })
  expect(after).toMatchObject({ quantity: 5, levelAt: new Date(at('09:00').getTime() + 7000) })
  expect((await movementsOf(product.id)).reduce((sum, m) => sum + m.delta, 0)).toBe(5)
})

test('a negative or fractional level is a 400 naming quantity', async () => {
  const { merchant, product } = await setupProduct(1)

  for (const quantity of [-1, 1.5]) {
    await expect(setStockLevel({ merchantId: merchant.id, sku: product.sku, quantity, occurredAt: at('09:00') })).rejects.toMatchObject({
      code: 'bad_request',
      fields: { quantity: expect.any(Array) },
    })
  }
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).quantity).toBe(1)
})
