import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { changeBehindOurBack, setupOrder, tasksOf } from './flow-test-support'
import { markPacked } from './mark-packed'

test('PICKING → PACKED, version incremented, nothing to tell Back Market', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })

  const moved = await markPacked({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })

  expect(moved).toMatchObject({ id: order.id, reference: order.reference, status: 'PACKED', version: 2 })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', version: 2 })
  expect(await tasksOf(order.id)).toEqual([])
})

test('from VALIDATED it is refused with a 409 naming both states', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })

  await expect(markPacked({ merchantId: merchant.id, reference: order.reference })).rejects.toMatchObject({
    code: 'conflict',
    message: 'order status cannot change from VALIDATED to PACKED',
  })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: 1 })
})

test('a change since the caller read the order makes the write fail', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })
  await changeBehindOurBack(order.id)

  await expect(markPacked({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PICKING', version: 2 })
})

test('two writers at once: exactly one moves the order', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })

  const results = await Promise.allSettled([
    markPacked({ merchantId: merchant.id, orderId: order.id }),
    markPacked({ merchantId: merchant.id, orderId: order.id }),
  ])

  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', version: 2 })
})

test("another merchant's order is not found", async () => {
  const { other, order } = await setupOrder({ status: 'PICKING' })

  await expect(markPacked({ merchantId: other.id, orderId: order.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(markPacked({ merchantId: other.id, reference: order.reference })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PICKING', version: 1 })
})
