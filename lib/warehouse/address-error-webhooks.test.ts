// address_error.opened when a check first finds the address blocking the order, not on each
// re-check; address_error.fixed when the merchant's edit makes it pass.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { createTestEndpoint } from '@/lib/webhooks/testing/webhook-factories'
import { checkOrderAddressIn } from './check-order-address'
import { setupOrder } from './flow-test-support'
import { rejectAddressByCarrier } from './reject-address-by-carrier'
import { updateOrderAddress } from './update-order-address'
import { testActor } from '@/test/audit-fixtures'
import { validateOrder } from './validate-order'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const GOOD_ADDRESS = { firstName: 'Camille', lastName: 'Martin', street: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR', phone: '+33612345678', email: 'camille.martin@relay.example' }

const sent = async (merchantId: string) =>
  (await db.webhookMessage.findMany({ where: { merchantId }, orderBy: { createdAt: 'asc' } })).map((m) => m.payload as { type: string; data: Record<string, unknown> })

test('a blocked address opens once; the fix that validates the order is announced', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', currentAddress: { street: null } })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened', 'address_error.fixed'] })

  await validateOrder({ merchantId: merchant.id, orderId: order.id })
  await validateOrder({ merchantId: merchant.id, orderId: order.id })
  expect(await sent(merchant.id)).toEqual([{ type: 'address_error.opened', timestamp: expect.any(String), data: { order: { reference: order.reference }, fields: { street: [expect.any(String)] }, carrierRejection: null } }])

  const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  const fixed = await updateOrderAddress({ actor: testActor(),
    merchantId: merchant.id,
    reference: order.reference,
    expectedVersion: version,
    address: GOOD_ADDRESS,
  })
  expect(fixed.outcome).toBe('validated')
  expect((await sent(merchant.id)).map((p) => [p.type, p.data])).toEqual([
    ['address_error.opened', expect.anything()],
    ['address_error.fixed', { order: { reference: order.reference } }],
  ])
})

test('an address that passes at once announces nothing', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED' })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened', 'address_error.fixed'] })
  await validateOrder({ merchantId: merchant.id, orderId: order.id })
  expect(await sent(merchant.id)).toEqual([])
})

test('a carrier refusing a clean address opens an address error in the carrier’s words; a second refusal does not', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened'] })
  const refuse = (at: string) =>
    rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, carrier: 'Colissimo', message: 'Street unknown', fields: ['street'], occurredAt: at })

  expect((await refuse('2026-12-06T08:00:00Z')).outcome).toBe('blocked')
  expect((await refuse('2026-12-06T08:05:00Z')).outcome).toBe('blocked')
  expect(await sent(merchant.id)).toEqual([
    {
      type: 'address_error.opened',
      timestamp: expect.any(String),
      data: { order: { reference: order.reference }, fields: { street: ['Street unknown'] }, carrierRejection: { carrier: 'Colissimo', message: 'Street unknown', fields: ['street'], at: '2026-12-06T08:00:00.000Z' } },
    },
  ])
})

test('a packed order blocked only by a carrier: the new address that passes is announced fixed', async () => {
  const { merchant, order } = await setupOrder({ status: 'PACKED' })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened', 'address_error.fixed'] })
  await rejectAddressByCarrier({ merchantId: merchant.id, reference: order.reference, carrier: 'DHL', message: 'No such street', fields: ['street'], occurredAt: new Date() })
  const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } })

  const result = await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: { ...GOOD_ADDRESS, street: '14 rue de la Paix' } })
  expect(result.outcome).toBe('validated')
  expect((await sent(merchant.id)).map((p) => [p.type, p.data.order])).toEqual([
    ['address_error.opened', { reference: order.reference }],
    ['address_error.fixed', { reference: order.reference }],
  ])
})

test('the warehouse’s check on receiving an order (order.received) opens the address error', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', currentAddress: { postalCode: null } })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened'] })
  await db.$transaction((tx) => checkOrderAddressIn(tx, { merchantId: merchant.id, reference: order.reference }))
  expect((await sent(merchant.id)).map((p) => [p.type, p.data.order, Object.keys(p.data.fields as object)])).toEqual([['address_error.opened', { reference: order.reference }, ['postalCode']]])
})
