import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { changeBehindOurBack, setupOrder, tasksOf } from './flow-test-support'
import { startPicking } from './start-picking'

test('VALIDATED → PICKING, version incremented, nothing to tell Back Market', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })

  const moved = await startPicking({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })

  expect(moved).toMatchObject({ id: order.id, reference: order.reference, status: 'PICKING', version: 2 })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PICKING', version: 2 })
  expect(await tasksOf(order.id)).toEqual([])
})

test('from PACKED it is refused with a 409 naming both states', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  await expect(startPicking({ merchantId: merchant.id, reference: order.reference })).rejects.toMatchObject({
    code: 'conflict',
    message: 'order status cannot change from PACKED to PICKING',
  })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', version: 1 })
})

test('a change since the caller read the order makes the write fail', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })
  await changeBehindOurBack(order.id)

  await expect(startPicking({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: 2 })
})

test('two writers at once: exactly one moves the order', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })

  const results = await Promise.allSettled([
    startPicking({ merchantId: merchant.id, orderId: order.id }),
    startPicking({ merchantId: merchant.id, orderId: order.id }),
  ])

  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PICKING', version: 2 })
})

test("another merchant's order is not found", async () => {
  const { other, order } = await setupOrder({ status: 'VALIDATED' })

  await expect(startPicking({ merchantId: other.id, orderId: order.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(startPicking({ merchantId: other.id, reference: order.reference })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: 1 })
})
