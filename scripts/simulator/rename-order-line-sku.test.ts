import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { renameOrderLineSku } from './rename-order-line-sku'

async function setup() {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, lines: [{}, {}] })
  const line = order.lines[0]!
  await db.product.create({ data: { merchantId: merchant.id, sku: line.sku, title: 'Pixel 7', quantity: 4 } })
  return { merchant, order, line }
}

test('renames our SKU of one line and the product, and counts as a change to the order', async () => {
  const { merchant, order, line } = await setup()

  await renameOrderLineSku({ merchantId: merchant.id, order, lineId: line.id, from: line.sku, to: `${line.sku}-WH12` })

  const lines = await db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { bmOrderlineId: 'asc' } })
  const renamed = lines.find((l) => l.id === line.id)!
  expect(renamed).toMatchObject({ sku: `${line.sku}-WH12`, listing: line.listing })
  expect(lines.filter((l) => l.id !== line.id).every((l) => l.sku === l.listing)).toBe(true)
  expect(await db.product.findMany({ where: { merchantId: merchant.id }, select: { sku: true } })).toEqual([{ sku: `${line.sku}-WH12` }])
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: 2 })
})

test('a second simulator staging the same rename from the same version gets a conflict and changes nothing', async () => {
  const { merchant, order, line } = await setup()
  await renameOrderLineSku({ merchantId: merchant.id, order, lineId: line.id, from: line.sku, to: `${line.sku}-WH12` })

  await expect(
    renameOrderLineSku({ merchantId: merchant.id, order, lineId: line.id, from: line.sku, to: `${line.sku}-WH34` }),
  ).rejects.toMatchObject({ code: 'conflict' })
  expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).sku).toBe(`${line.sku}-WH12`)
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).version).toBe(2)
})

test("another merchant's order is refused", async () => {
  const { order, line } = await setup()
  const other = await createTestMerchant()

  await expect(renameOrderLineSku({ merchantId: other.id, order, lineId: line.id, from: line.sku, to: 'X' })).rejects.toMatchObject({ code: 'conflict' })
  expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).sku).toBe(line.sku)
})
