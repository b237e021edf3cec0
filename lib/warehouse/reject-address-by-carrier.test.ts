import { afterAll, beforeAll, expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { assertNoCarrierRejection } from './carrier-rejection'
import { setupOrder, tasksOf } from './flow-test-support'
import { rejectAddressByCarrier } from './reject-address-by-carrier'
import { shipOrder } from './ship-order'
import { updateOrderAddress } from './update-order-address'
import { testActor } from '@/test/audit-fixtures'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00Z`)
const refusal = { carrier: 'Colissimo', message: 'Adresse inconnue : numéro de rue introuvable', fields: ['street', 'postalCode'] as const }
const orderRow = (id: string) => db.order.findUniqueOrThrow({ where: { id } })

test('a refusal is stored in the carrier’s words and blocks shipping', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  const result = await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: [...refusal.fields], occurredAt: at('10:00') })

  expect(result).toMatchObject({ outcome: 'blocked', order: { status: 'PACKED', version: 2 } })
  const row = await orderRow(order.id)
  expect(row).toMatchObject({
    carrierRejection: { carrier: 'Colissimo', message: refusal.message, fields: ['street', 'postalCode'], at: at('10:00').toISOString() },
    carrierRejectedAt: at('10:00'),
  })
  expect(() => assertNoCarrierRejection(row)).toThrow(expect.objectContaining({ code: 'conflict', details: expect.objectContaining({ rule: 'carrier_rejected_address' }) }))
  expect(() => assertNoCarrierRejection({ reference: order.reference, carrierRejection: null })).not.toThrow()
})

test.each(['IN_TRANSIT', 'DELIVERED', 'CANCELLED'] as const)('a refusal reaching a %s order changes nothing', async (status: OrderStatus) => {
  const { merchant, order } = await setupOrder({ status })

  const result = await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: [], occurredAt: at('10:00') })

  expect(result).toMatchObject({ outcome: 'stale', reason: 'order_closed' })
  expect(await orderRow(order.id)).toMatchObject({ version: 1, carrierRejection: null })
})

test('an older refusal arriving after a newer one does not replace it', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })
  const reject = (message: string, occurredAt: Date) => rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, carrier: 'DPD', message, occurredAt })

  await reject('Street not found', at('10:05'))
  expect(await reject('Postcode unknown', at('10:00'))).toMatchObject({ outcome: 'stale', reason: 'newer_rejection' })

  expect(await orderRow(order.id)).toMatchObject({ carrierRejection: { message: 'Street not found', fields: [] }, carrierRejectedAt: at('10:05') })
})

test('shipping is refused while a refusal stands, naming the rule, and goes ahead once the new address lifts it', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: ['street'], occurredAt: at('10:00') })
  const ship = () => shipOrder({ merchantId: merchant.id, reference: order.reference, carrier: 'Colissimo', trackingNumber: '6A12345678901' })

  await expect(ship()).rejects.toMatchObject({ code: 'conflict', details: { rule: 'carrier_rejected_address', carrier: 'Colissimo', fields: ['street'] } })
  expect(await orderRow(order.id)).toMatchObject({ status: 'PACKED', trackingNumber: null })

  await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: 2, address: addressIn('FR', { phone: '06 23 45 67 89' }) })
  expect((await ship()).order).toMatchObject({ status: 'IN_TRANSIT' })
})

test("another merchant's order is not found, and a field that is not an address field is a 400", async () => {
  const { merchant, other, order } = await setupOrder({ status: 'PACKED' })

  await expect(rejectAddressByCarrier({ merchantId: other.id, reference: order.reference, ...refusal, fields: [], occurredAt: at('10:00') })).rejects.toMatchObject({ code: 'not_found' })
  await expect(
    rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: ['password' as 'street'], occurredAt: at('10:00') }),
  ).rejects.toMatchObject({ code: 'bad_request', fields: { 'fields.0': expect.any(Array) } })
  expect(await orderRow(order.id)).toMatchObject({ version: 1, carrierRejection: null })
})

test('the merchant’s new address lifts the refusal of a packed order, checked and saved, with nothing sent to Back Market', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: ['street'], occurredAt: at('10:00') })

  const result = await updateOrderAddress({ actor: testActor(),
    merchantId: merchant.id,
    reference: order.reference,
    expectedVersion: 2,
    address: addressIn('FR', { street: '12 rue de la Paix', phone: '06 23 45 67 89' }),
  })

  expect(result).toMatchObject({ outcome: 'validated', syncTaskId: null, order: { status: 'PACKED', version: 3 } })
  // The silent fixes ran on the fix itself (the phone in international format).
  expect(result.address).toMatchObject({ street: '12 rue de la Paix', phone: '+33623456789' })
  const row = await orderRow(order.id)
  expect(row).toMatchObject({ status: 'PACKED', carrierRejection: null, carrierRejectedAt: null, addressIssues: null })
  expect(row.addressCheckedAt).not.toBeNull()
  expect(await tasksOf(order.id)).toEqual([])
})

test('a new address that still breaks our rules is saved, but the refusal stands beside the new issues', async () => {
  const { merchant, order } = await setupOrder({ status: 'VALIDATED' })
  await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: ['street'], occurredAt: at('10:00') })

  const result = await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: 2, address: addressIn('FR', { postalCode: '7500' }) })

  expect(result).toMatchObject({ outcome: 'address_errors', fields: { postalCode: expect.any(Array) }, order: { status: 'VALIDATED' } })
  expect(await orderRow(order.id)).toMatchObject({ carrierRejection: { carrier: 'Colissimo' }, addressIssues: expect.arrayContaining([expect.objectContaining({ field: 'postalCode', severity: 'error' })]) })
})

test('without a refusal, a prepared order’s address still cannot be edited', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })

  await expect(updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: 1, address: addressIn('FR') })).rejects.toMatchObject({
    code: 'conflict',
    details: { reason: 'not_editable', status: 'PACKED' },
  })
})

test('a refusal of the old address arriving after the merchant fixed it changes nothing: the order stays free to ship', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  const refusedAt = new Date(Date.now() - 60_000)
  await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, ...refusal, fields: ['street'], occurredAt: refusedAt })
  await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: 2, address: addressIn('FR', { phone: '06 23 45 67 89' }) })

  // A second label attempt on the old address, refused before the fix, reported late.
  const late = await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, carrier: 'DPD', message: 'Street not found', occurredAt: new Date(refusedAt.getTime() + 1_000) })

  expect(late).toMatchObject({ outcome: 'stale', reason: 'address_changed' })
  expect(await orderRow(order.id)).toMatchObject({ carrierRejection: null, carrierRejectedAt: null })
})
