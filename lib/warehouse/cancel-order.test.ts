import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { cancelOrder } from './cancel-order'
import { changeBehindOurBack, setupOrder, tasksOf } from './flow-test-support'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

test.each(['CREATED', 'VALIDATED', 'PICKING'] as const)('%s → CANCELLED, each open line with a CANCEL task for Back Market', async (status) => {
  const { merchant, order } = await setupOrder({ status, lines: [{}, { bmState: 4 }] })

  const cancelled = await cancelOrder({ merchantId: merchant.id, orderId: order.id })

  expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2 })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CANCELLED', version: 2 })
  // The line Back Market had cancelled already needs no call.
  expect(await tasksOf(order.id)).toMatchObject([{ operation: 'CANCEL', sku: order.lines.find((l) => l.bmState === 1)!.sku, payload: { newState: 4 } }])
})

test('a line Back Market has not released is stopped on our side only', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', lines: [{ bmState: 0 }] })

  await cancelOrder({ merchantId: merchant.id, orderId: order.id })

  expect(await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ cancelledAt: expect.any(Date) })
  expect(await tasksOf(order.id)).toEqual([])
})

test.each(['PACKED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED'] as const)('from %s it is refused with a 409 naming both states', async (status) => {
  const { merchant, order } = await setupOrder({ status })

  await expect(cancelOrder({ merchantId: merchant.id, reference: order.reference })).rejects.toMatchObject({
    code: 'conflict',
    message: `order status cannot change from ${status} to CANCELLED`,
  })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status, version: 1 })
})

test('a change since the caller read the order makes the cancel fail', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })
  await changeBehindOurBack(order.id)

  await expect(cancelOrder({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: 2 })
})

test("another merchant's order is not found", async () => {
  const { other, order } = await setupOrder({ status: 'CREATED' })

  await expect(cancelOrder({ merchantId: other.id, orderId: order.id })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: 1 })
})
