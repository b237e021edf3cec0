import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { changeBehindOurBack, setupOrder, tasksOf } from './flow-test-support'
import { markDelivered } from './mark-delivered'

test('IN_TRANSIT → DELIVERED, version incremented, nothing to tell Back Market', async () => {
  const { merchant, order } = await setupOrder({ status: 'IN_TRANSIT' })

  const moved = await markDelivered({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })

  expect(moved).toMatchObject({ id: order.id, reference: order.reference, status: 'DELIVERED', version: 2 })
  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(saved).toMatchObject({ status: 'DELIVERED', version: 2 })
  expect(saved.deliveredAt).toBeInstanceOf(Date)
  expect(await tasksOf(order.id)).toEqual([])
})

test("the carrier's delivery time is kept when given", async () => {
  const { merchant, order } = await setupOrder({ status: 'IN_TRANSIT' })
  const deliveredAt = new Date('2026-11-20T14:03:00Z')

  await markDelivered({ merchantId: merchant.id, orderId: order.id, deliveredAt })

  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).deliveredAt).toEqual(deliveredAt)
})

test('from PACKED it is refused with a 409 naming both states', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  await expect(markDelivered({ merchantId: merchant.id, reference: order.reference })).rejects.toMatchObject({
    code: 'conflict',
    message: 'order status cannot change from PACKED to DELIVERED',
  })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', version: 1 })
})

test('a change since the caller read the order makes the write fail', async () => {
  const { merchant, order } = await setupOrder({ status: 'IN_TRANSIT' })
  await changeBehindOurBack(order.id)

  await expect(markDelivered({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'IN_TRANSIT', version: 2 })
})

test('two writers at once: exactly one moves the order', async () => {
  const { merchant, order } = await setupOrder({ status: 'IN_TRANSIT' })

  const results = await Promise.allSettled([
    markDelivered({ merchantId: merchant.id, orderId: order.id }),
    markDelivered({ merchantId: merchant.id, orderId: order.id }),
  ])

  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'DELIVERED', version: 2 })
})

test("another merchant's order is not found", async () => {
  const { other, order } = await setupOrder({ status: 'IN_TRANSIT' })

  await expect(markDelivered({ merchantId: other.id, orderId: order.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(markDelivered({ merchantId: other.id, reference: order.reference })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'IN_TRANSIT', version: 1 })
})
