import { afterAll, beforeAll, expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { AddressInput } from '@/lib/addresses/address-schema'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { jobsFor, tasksOf } from './flow-test-support'
import { updateOrderAddress } from './update-order-address'
import { auditRows, testActor } from '@/test/audit-fixtures'
import { validateOrder } from './validate-order'

// pg-boss creates its schema on first start; do it once here rather than inside a test's timeout.
beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const LONG_STREET = 'Résidence les Jardins de la Garenne, 14 avenue du Général Leclerc'

/** An order the warehouse checked and kept CREATED: its street cannot be split while street 2 is full. */
async function blockedOrder(status: OrderStatus = 'CREATED') {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, currentAddress: { street: LONG_STREET, street2: 'Tél. 06 23 45 67 89' } })
  expect((await validateOrder({ merchantId: merchant.id, orderId: order.id })).outcome).toBe('address_errors')
  if (status !== 'CREATED') await db.order.update({ where: { id: order.id }, data: { status } })
  const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  return { merchant, order, version }
}

const addressOf = (orderId: string, kind: 'ORIGINAL' | 'CURRENT' = 'CURRENT') =>
  db.orderAddress.findUniqueOrThrow({ where: { orderId_kind: { orderId, kind } } })

const fixed: AddressInput = addressIn('FR', { street: 'Résidence les Jardins de la Garenne', street2: '14 avenue du Général Leclerc', phone: '06 23 45 67 89' })

test('a fixed address is saved, the order validated, and exactly one ACCEPT queued and dispatched', async () => {
  const { merchant, order, version } = await blockedOrder()

  const actor = testActor()
  const result = await updateOrderAddress({ actor, merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: fixed })

  expect(result).toMatchObject({ outcome: 'validated', order: { status: 'VALIDATED', version: version + 2 } })
  // One audit row, naming who, the order, and the address before and after (as typed).
  expect(await auditRows(merchant.id)).toMatchObject([
    {
      action: 'order.address_updated',
      actorKind: 'USER',
      actorId: actor.id,
      actorName: actor.name,
      ipAddress: '203.0.113.7',
      orderReference: order.reference,
      subjectType: 'order',
      subjectId: order.id,
      before: { street: LONG_STREET, street2: 'Tél. 06 23 45 67 89', city: 'Paris' },
      after: { street: 'Résidence les Jardins de la Garenne', street2: '14 avenue du Général Leclerc', phone: '06 23 45 67 89' },
    },
  ])
  // Saved as typed, then silently tidied by the validation (the phone in international format).
  expect(result.address).toMatchObject({ street: 'Résidence les Jardins de la Garenne', street2: '14 avenue du Général Leclerc', phone: '+33623456789' })
  expect(await addressOf(order.id)).toMatchObject(result.address)
  expect(await addressOf(order.id, 'ORIGINAL')).toMatchObject({ street: '12 rue de la Paix', street2: null })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', addressIssues: null })
  const tasks = await tasksOf(order.id)
  expect(tasks).toMatchObject([{ operation: 'ACCEPT', status: 'QUEUED', merchantId: merchant.id }])
  expect(result.outcome === 'validated' && result.syncTaskId).toBe(tasks[0]!.id)
  expect(await jobsFor(tasks[0]!.id)).toBe(1)
})

test('an address still breaking the rules is saved anyway, the order stays blocked with the new issues', async () => {
  const { merchant, order, version } = await blockedOrder()

  const result = await updateOrderAddress({ actor: testActor(),
    merchantId: merchant.id,
    reference: order.reference,
    expectedVersion: version,
    address: { ...fixed, postalCode: '9225', lastName: null },
  })

  expect(result).toMatchObject({ outcome: 'address_errors', order: { status: 'CREATED', version: version + 2 } })
  if (result.outcome !== 'address_errors') return
  expect(Object.keys(result.fields).sort()).toEqual(['lastName', 'postalCode'])
  expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['NAME_MISSING', 'ZIP_BAD_FORMAT'])
  // Nothing typed is lost: the edit is the current address; the order is not validated.
  expect(await addressOf(order.id)).toMatchObject({ postalCode: '9225', lastName: null, street2: '14 avenue du Général Leclerc' })
  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(saved).toMatchObject({ status: 'CREATED', version: version + 2, validatedAt: null })
  expect((saved.addressIssues as { code: string }[]).map((i) => i.code)).toContain('ZIP_BAD_FORMAT')
  expect(await tasksOf(order.id)).toEqual([])
})

test('an edit made on an older version is refused with both addresses, and changes nothing', async () => {
  const { merchant, order, version } = await blockedOrder()
  const first = { ...fixed, postalCode: '9225' }
  await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: first })
  const before = await addressOf(order.id)

  const late = updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: { ...fixed, city: '  Colombes ' } })

  await expect(late).rejects.toMatchObject({
    code: 'conflict',
    status: 409,
    details: {
      reason: 'stale',
      yours: { ...fixed, city: 'Colombes', company: null, email: 'shipping_1234_40123456@eu.perso-email.com' },
      theirs: { postalCode: '9225', city: 'Paris', street: 'Résidence les Jardins de la Garenne' },
      currentVersion: version + 2,
    },
  })
  expect(await addressOf(order.id)).toEqual(before)
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ version: version + 2 })
  // The refused edit left no audit row: the change and its record roll back together.
  expect((await auditRows(merchant.id, 'order.address_updated')).map((r) => (r.after as { postalCode: string }).postalCode)).toEqual(['9225'])
})

test('two saves on the same version at once: one wins, the other is told, one ACCEPT', async () => {
  const { merchant, order, version } = await blockedOrder()
  const save = (city: string) => updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: { ...fixed, city } })

  const results = await Promise.allSettled([save('Paris'), save('Colombes')])

  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  const [refused] = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)
  expect(refused).toMatchObject({ code: 'conflict' })
  expect(await tasksOf(order.id)).toHaveLength(1)
})

test('only CREATED orders can be edited', async () => {
  const { merchant, order, version } = await blockedOrder('PICKING')

  await expect(updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: fixed })).rejects.toMatchObject({
    code: 'conflict',
    userMessage: 'This order is already picking: its address can no longer be changed here.',
    details: { reason: 'not_editable', status: 'PICKING' },
  })
  expect(await addressOf(order.id)).toMatchObject({ street: LONG_STREET })
})

test("another merchant's order is not found, and untouched", async () => {
  const { order, version } = await blockedOrder()
  const other = await createTestMerchant()

  for (const reference of [order.reference, 'not-a-reference']) {
    await expect(updateOrderAddress({ actor: testActor(), merchantId: other.id, reference, expectedVersion: version, address: fixed })).rejects.toMatchObject({ code: 'not_found' })
  }
  expect(await addressOf(order.id)).toMatchObject({ street: LONG_STREET })
  expect(await auditRows(other.id)).toEqual([])
})

test('an address of the wrong shape is a 400 naming the field', async () => {
  const { merchant, order, version } = await blockedOrder()

  await expect(
    updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: { ...fixed, country: 'FRA' } }),
  ).rejects.toMatchObject({ code: 'bad_request', fields: { country: ['Country must be a two-letter ISO code, e.g. FR'] } })
  expect(await addressOf(order.id)).toMatchObject({ street: LONG_STREET })
})

test('junk a browser can send (a lone surrogate in the phone) is refused naming the field, not a 500: nothing saved, nothing audited', async () => {
  const { merchant, order, version } = await blockedOrder()
  await expect(
    updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference: order.reference, expectedVersion: version, address: { ...fixed, phone: '06 23 45 67 89\udd75' } }),
  ).rejects.toMatchObject({ code: 'bad_request', fields: { phone: ['Must not contain control characters'] } })
  expect(await auditRows(merchant.id, 'order.address_updated')).toEqual([])
})
