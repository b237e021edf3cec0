// The import checks a new order's address at once: a blocked one reaches the Errors tab with no
// warehouse event, and a good one gets the silent fixes validating would give it.
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { listAddressErrors } from '@/lib/orders/list-address-errors'
import { updateOrderAddress } from '@/lib/warehouse/update-order-address'
import { testActor } from '@/test/audit-fixtures'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { importMerchantOrders } from './import-orders'
import { stopQueue } from './queue'

const { control, newMerchant } = await startBackMarketSandbox()
afterAll(() => stopQueue())

const ADDRESS = {
  first_name: 'Camille', last_name: 'Martin', street: '12 rue de la Paix', street2: null, postal_code: '75002',
  city: 'Paris', country: 'FR', phone: '06 23 45 67 89', email: 'shipping_1@eu.perso-email.com',
}

async function importOne(shipping_address: Record<string, unknown>) {
  const { token, merchant } = await newMerchant('import-check')
  const bm = await control.createOrder({ token, lines: [{ sku: 'CHK-1' }], shipping_address })
  await importMerchantOrders({ merchantId: merchant.id })
  const reference = String(bm.order_id)
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, include: { addresses: true } })
  return { merchant, reference, order, address: (kind: 'ORIGINAL' | 'CURRENT') => order.addresses.find((a) => a.kind === kind)! }
}

test('an address the carriers would refuse is checked at import: the order is in the Errors tab with its issues', async () => {
  const { merchant, reference, order } = await importOne({ ...ADDRESS, postal_code: '7500' })

  expect(order).toMatchObject({ status: 'CREATED', addressCheckedAt: expect.any(Date) })
  expect(order.addressIssues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'postalCode', severity: 'error' })]))
  const page = await listAddressErrors({ merchantId: merchant.id, sort: 'newest', page: 1 })
  expect(page.orders.map((o) => [o.reference, o.issues.map((i) => i.field)])).toEqual([[reference, ['postalCode']]])
})

test('a good address is checked too, and gets the silent fixes on our current copy only', async () => {
  const { merchant, order, address } = await importOne(ADDRESS)

  expect(order).toMatchObject({ addressIssues: null, addressCheckedAt: expect.any(Date) })
  expect(address('CURRENT').phone).toBe('+33623456789')
  expect(address('ORIGINAL').phone).toBe('06 23 45 67 89')
  expect((await listAddressErrors({ merchantId: merchant.id, sort: 'newest', page: 1 })).total).toBe(0)
})

test('a street over 35 characters is split over the two lines at import, so it blocks nothing; the phone back in street 2 would', async () => {
  const street = 'Résidence les Jardins de la Garenne, 14 avenue du Général Leclerc'
  const { merchant, reference, order, address } = await importOne({ ...ADDRESS, street, street2: '', postal_code: '92250', city: 'La Garenne-Colombes' })

  expect(order.addressIssues).toBeNull()
  expect(address('CURRENT')).toMatchObject({ street: 'Résidence les Jardins de la Garenne', street2: '14 avenue du Général Leclerc' })
  expect(address('ORIGINAL')).toMatchObject({ street })
  // The Errors tab's browser story starts from there (e2e/fix-address.spec.ts).
  const current = { ...address('CURRENT'), street, street2: 'Tél. 06 23 45 67 89' }
  const saved = await updateOrderAddress({ actor: testActor(), merchantId: merchant.id, reference, expectedVersion: order.version, address: current })
  expect(saved).toMatchObject({ outcome: 'address_errors', fields: { street: expect.any(Array) } })
})
