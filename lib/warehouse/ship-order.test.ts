import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { changeBehindOurBack, jobsFor, setupOrder, tasksOf } from './flow-test-support'
import { shipOrder } from './ship-order'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const parcel = { carrier: 'Colissimo', trackingNumber: '6A 1234 5678 901', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' }

test('PACKED → IN_TRANSIT keeps the tracking on the order and queues one SHIP with its payload', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED', lines: [{ bmState: 2 }] })
  const shippedAt = new Date('2026-11-26T10:00:00Z')

  const { order: shipped, task } = await shipOrder({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1, shippedAt, ...parcel })

  expect(shipped).toMatchObject({ status: 'IN_TRANSIT', version: 2 })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
    status: 'IN_TRANSIT',
    shippedAt,
    shipper: 'Colissimo',
    trackingNumber: '6A12345678901',
    trackingUrl: parcel.trackingUrl,
  })
  const tasks = await tasksOf(order.id)
  expect(tasks).toMatchObject([
    {
      id: task?.id,
      operation: 'SHIP',
      status: 'QUEUED',
      origin: 'flow',
      payload: { trackingNumber: '6A12345678901', trackingUrl: parcel.trackingUrl, shipper: 'Colissimo', dateShipping: '2026-11-26T10:00:00.000Z' },
    },
  ])
  expect(await jobsFor(tasks[0]!.id)).toBe(1)
})

test('without a tracking URL the payload has none', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED', lines: [{ bmState: 2 }] })

  await shipOrder({ merchantId: merchant.id, reference: order.reference, carrier: 'DHL Express', trackingNumber: '1234567890', origin: 'simulator' })

  const [task] = await tasksOf(order.id)
  expect(task).toMatchObject({ origin: 'simulator', payload: { trackingNumber: '1234567890', shipper: 'DHL Express' } })
  expect(task?.payload).not.toHaveProperty('trackingUrl')
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).trackingUrl).toBeNull()
})

test('a parcel Back Market already has as shipped changes our side only', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED', lines: [{ bmState: 3 }, { bmState: 4 }] })

  const { task } = await shipOrder({ merchantId: merchant.id, orderId: order.id, ...parcel })

  expect(task).toBeNull()
  expect(await tasksOf(order.id)).toEqual([])
})

test('missing or malformed tracking details are a 400 naming the fields, and nothing moves', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  await expect(
    shipOrder({ merchantId: merchant.id, orderId: order.id, carrier: ' ', trackingNumber: '   ', trackingUrl: 'ftp://x.example/1' }),
  ).rejects.toMatchObject({ code: 'bad_request', fields: { carrier: expect.any(Array), trackingNumber: expect.any(Array), trackingUrl: expect.any(Array) } })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', version: 1 })
})

test('an order not yet packed is refused with a 409 naming both states', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })

  await expect(shipOrder({ merchantId: merchant.id, orderId: order.id, ...parcel })).rejects.toMatchObject({
    code: 'conflict',
    message: 'order status cannot change from PICKING to IN_TRANSIT',
  })
  expect(await tasksOf(order.id)).toEqual([])
})

test('a change since the caller read the order makes shipping fail, with no task', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  await changeBehindOurBack(order.id)

  await expect(shipOrder({ merchantId: merchant.id, orderId: order.id, expectedVersion: 1, ...parcel })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PACKED', trackingNumber: null })
  expect(await tasksOf(order.id)).toEqual([])
})

test('two shipments at once: one wins, one task', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  const results = await Promise.allSettled([
    shipOrder({ merchantId: merchant.id, orderId: order.id, ...parcel }),
    shipOrder({ merchantId: merchant.id, orderId: order.id, ...parcel, trackingNumber: 'OTHER' }),
  ])

  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(await tasksOf(order.id)).toHaveLength(1)
})

test("another merchant's order is not found", async () => {
  const { other, order } = await setupOrder({ status: 'PACKED' })

  await expect(shipOrder({ merchantId: other.id, orderId: order.id, ...parcel })).rejects.toMatchObject({ code: 'not_found' })
  expect(await tasksOf(order.id)).toEqual([])
})
