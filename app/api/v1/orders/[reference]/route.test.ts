import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/orders/[reference]/route'
import { getOrderOperation } from '@/lib/api-v1/operations/orders'
import type { OrderDetailV1 } from '@/lib/api-v1/schemas/order'
import { db } from '@/lib/db'
import { createTestSyncTask } from '@/lib/sync/testing/sync-factories'
import { callV1, createTestMerchantKey } from '@/test/api-v1'
import { createTestMerchant, createTestOrder } from '@/test/factories'

const get = (key: string, reference: string) => callV1<{ order: OrderDetailV1 }>(GET, `/orders/${reference}`, { key, params: { reference } })

test('reads the order with its lines, current address, what blocks it, its Back Market state and its syncs', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const order = await createTestOrder({
    merchantId: key.merchantId,
    lines: [{ bmOrderlineId: 9007199254740993n, sku: 'IPH13-BLK', price: '349.9', bmState: 1 }],
    currentAddress: { street: '1 rue Neuve' },
  })
  const checkedAt = new Date('2026-12-01T09:00:00.000Z')
  const rejectedAt = new Date('2026-12-01T10:00:00.000Z')
  const zip = { code: 'ZIP_BAD_FORMAT', field: 'postalCode', severity: 'error', message: 'Postcode is not valid for FR.', params: { country: 'FR' } }
  await db.order.update({
    where: { id: order.id },
    data: {
      // An issue of a code retired since is left out, not a reason to hide the others.
      addressIssues: [zip, { code: 'RETIRED_CODE', field: 'city', severity: 'error', message: 'old' }],
      addressCheckedAt: checkedAt,
      carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], at: rejectedAt.toISOString() },
      carrierRejectedAt: rejectedAt,
    },
  })
  const { task } = await createTestSyncTask({ merchantId: key.merchantId, operation: 'ACCEPT', order, status: 'QUEUED' })

  const res = await get(key.secret, order.reference)
  expect(res.status).toBe(200)
  expect(getOrderOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body.order).toMatchObject({
    reference: order.reference,
    status: 'CREATED',
    bmState: 1,
    bmSeenAt: order.bmSeenAt.toISOString(),
    lines: [{ bmOrderlineId: '9007199254740993', sku: 'IPH13-BLK', price: '349.90', bmState: 1 }],
    shippingAddress: { street: '1 rue Neuve', city: 'Paris', country: 'FR' },
    addressCheck: { checkedAt: checkedAt.toISOString(), issues: [zip] },
    carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], rejectedAt: rejectedAt.toISOString() },
    sync: [{ id: task.id, operation: 'ACCEPT', status: 'queued', done: false }],
  })
  expect(res.body.order).not.toHaveProperty('bmSnapshot')
})

test('an order never checked or refused says so with nulls', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const order = await createTestOrder({ merchantId: key.merchantId })
  const res = await get(key.secret, order.reference)
  expect(res.body.order).toMatchObject({ addressCheck: null, carrierRejection: null, sync: [], lines: [{ cancelledAt: null }] })
})

test('a line the warehouse cancelled says when, before Back Market shows it', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const order = await createTestOrder({ merchantId: key.merchantId, lines: [{ bmOrderlineId: 11, bmState: 2 }, { bmOrderlineId: 12, bmState: 2 }] })
  const at = new Date('2026-12-03T15:00:00.000Z')
  await db.orderLine.updateMany({ where: { orderId: order.id, bmOrderlineId: 12n }, data: { cancelledAt: at } })
  const res = await get(key.secret, order.reference)
  expect(res.body.order.lines).toMatchObject([
    { bmOrderlineId: '11', bmState: 2, cancelledAt: null },
    { bmOrderlineId: '12', bmState: 2, cancelledAt: at.toISOString() },
  ])
})

test("another merchant's order is a 404 exactly like a missing one; a malformed reference a 400", async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const other = await createTestMerchant()
  const theirs = await createTestOrder({ merchantId: other.id })
  const notFound = { error: { code: 'not_found', message: 'Order not found.' } }
  expect(await get(key.secret, theirs.reference)).toMatchObject({ status: 404, body: notFound })
  expect(await get(key.secret, '4999999999999')).toMatchObject({ status: 404, body: notFound })
  const bad = await get(key.secret, '12-34')
  expect(bad.status).toBe(400)
  expect(bad.body).toMatchObject({ error: { code: 'bad_request', fields: { reference: [expect.any(String)] } } })
})
