import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { ACCEPTANCE_WINDOW_HOURS } from '@/lib/orders/deadlines'
import { listAddressErrors } from '@/lib/orders/list-address-errors'
import { validateOrder } from '@/lib/warehouse/validate-order'
import { createTestMerchant, createTestOrder, uniqueDigits, type TestAddress } from '@/test/factories'

const H = 3_600_000
const now = new Date('2026-03-23T12:00:00Z')
const hoursFromNow = (h: number) => new Date(now.getTime() + h * H)

/** An order the warehouse checked and kept CREATED: a 40-character street that cannot be split. */
async function blockedOrder(
  merchantId: string,
  opts: { reference?: string; placedAt?: Date; expectedDispatchAt?: Date; address?: TestAddress } = {},
) {
  const order = await createTestOrder({
    merchantId,
    reference: opts.reference,
    placedAt: opts.placedAt ?? hoursFromNow(-1),
    currentAddress: { street: 'Résidence du Parc des Expositions Nord', street2: 'Bâtiment C, escalier 2, 5e étage', ...opts.address },
  })
  if (opts.expectedDispatchAt) await db.order.update({ where: { id: order.id }, data: { expectedDispatchAt: opts.expectedDispatchAt } })
  const result = await validateOrder({ merchantId, orderId: order.id })
  expect(result.outcome).toBe('address_errors')
  return order
}

const list = (merchantId: string, opts: Partial<Parameters<typeof listAddressErrors>[0]> = {}) =>
  listAddressErrors({ merchantId, sort: 'urgency', page: 1, now, ...opts })

test('lists the CREATED orders whose last check found an error, with what fails, for whom and by when', async () => {
  const merchant = await createTestMerchant()
  const blocked = await blockedOrder(merchant.id, { address: { firstName: 'Анна', postalCode: '7500' }, expectedDispatchAt: hoursFromNow(5) })
  // Never checked; checked with a warning only; validated; blocked once but since cancelled.
  await createTestOrder({ merchantId: merchant.id, currentAddress: { street: 'x'.repeat(50) } })
  const warned = await createTestOrder({ merchantId: merchant.id })
  await db.order.update({
    where: { id: warned.id },
    data: { addressCheckedAt: now, addressIssues: [{ code: 'PHONE_MISSING', field: 'phone', severity: 'warning', message: 'No phone number.' }] },
  })
  const gone = await blockedOrder(merchant.id)
  await db.order.update({ where: { id: gone.id }, data: { status: 'CANCELLED' satisfies OrderStatus } })

  const page = await list(merchant.id)

  expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1, sort: 'urgency' })
  expect(page.orders).toHaveLength(1)
  const [row] = page.orders
  expect(row).toMatchObject({ reference: blocked.reference, buyerName: 'Анна Martin', city: 'Paris', country: 'FR' })
  expect(row!.checkedAt).toBeInstanceOf(Date)
  expect(row!.issues.map((i) => `${i.code}:${i.field}`)).toEqual(['NAME_NON_LATIN:firstName', 'STREET_TOO_LONG:street', 'ZIP_BAD_FORMAT:postalCode'])
  expect(row!.issues[1]).toMatchObject({ params: { length: 38, max: 35, limitBy: 'Cubyn' } })
  expect(row!.deadlines).toMatchObject({ applies: { kind: 'shipping', source: 'expected_dispatch_date' }, msLeft: 5 * H, urgency: 'due_soon' })
})

test('sorts by urgency (the cut-off that applies, overdue first) or by newest, and pages', async () => {
  const merchant = await createTestMerchant()
  const inThirtyHours = await blockedOrder(merchant.id, { placedAt: hoursFromNow(-3), expectedDispatchAt: hoursFromNow(30) })
  const overdue = await blockedOrder(merchant.id, { placedAt: hoursFromNow(-50), expectedDispatchAt: hoursFromNow(-2) })
  // No dispatch date: the assumed acceptance window applies, counted from placement.
  const acceptSoon = await blockedOrder(merchant.id, { placedAt: hoursFromNow(8 - ACCEPTANCE_WINDOW_HOURS) })
  const newest = await blockedOrder(merchant.id, { placedAt: hoursFromNow(-0.5) })

  const urgent = await list(merchant.id)
  expect(urgent.orders.map((o) => o.reference)).toEqual([overdue, acceptSoon, inThirtyHours, newest].map((o) => o.reference))
  expect(urgent.orders.map((o) => o.deadlines.urgency)).toEqual(['overdue', 'due_soon', 'upcoming', 'upcoming'])
  expect(urgent.orders[1]!.deadlines.applies).toMatchObject({ kind: 'acceptance', source: 'assumed', from: 'date_creation' })

  const byDate = await list(merchant.id, { sort: 'newest' })
  expect(byDate.orders.map((o) => o.reference)).toEqual([newest, inThirtyHours, acceptSoon, overdue].map((o) => o.reference))

  const second = await list(merchant.id, { page: 2, pageSize: 3 })
  expect(second).toMatchObject({ total: 4, page: 2, pageCount: 2 })
  expect(second.orders.map((o) => o.reference)).toEqual([newest.reference])
  expect((await list(merchant.id, { page: 3, pageSize: 3 })).orders).toEqual([])
})

test('searches by reference: the exact one first, then the others starting with it', async () => {
  const merchant = await createTestMerchant()
  const base = uniqueDigits(10)
  const exact = await blockedOrder(merchant.id, { reference: base, placedAt: hoursFromNow(-10) })
  const longer = await blockedOrder(merchant.id, { reference: `${base}7`, placedAt: hoursFromNow(-1) })
  await blockedOrder(merchant.id)

  const found = await list(merchant.id, { q: base, sort: 'newest' })
  expect(found.orders.map((o) => o.reference)).toEqual([exact.reference, longer.reference])
  expect((await list(merchant.id, { q: `${base}7` })).orders.map((o) => o.reference)).toEqual([longer.reference])
  expect(await list(merchant.id, { q: `${base}8` })).toMatchObject({ orders: [], total: 0, pageCount: 1 })
})

test("another merchant's blocked orders are never listed, even searched by reference", async () => {
  const mine = await createTestMerchant()
  const theirs = await createTestMerchant()
  const reference = uniqueDigits()
  await blockedOrder(theirs.id, { reference })

  expect(await list(mine.id)).toMatchObject({ orders: [], total: 0 })
  expect(await list(mine.id, { q: reference })).toMatchObject({ orders: [], total: 0 })
  expect((await list(theirs.id, { q: reference })).orders).toHaveLength(1)
})

test("reads the payment date and the lines' shipping delays from Back Market's payload", async () => {
  const merchant = await createTestMerchant()
  const placedAt = hoursFromNow(-20)
  const order = await blockedOrder(merchant.id, { placedAt })
  const bmSnapshot = { order_id: 1, date_payment: '2026-03-22T17:00:00+01:00', orderlines: [{ shipping_delay: 72 }, { shipping_delay: '24' }, {}] }
  await db.order.update({ where: { id: order.id }, data: { bmSnapshot } })

  const [row] = (await list(merchant.id)).orders
  expect(row!.deadlines.shipping).toEqual({ kind: 'shipping', at: new Date(placedAt.getTime() + 24 * H), source: 'shipping_delay', hours: 24 })
  expect(row!.deadlines.acceptance).toMatchObject({ at: new Date(Date.parse('2026-03-22T16:00:00Z') + ACCEPTANCE_WINDOW_HOURS * H), from: 'date_payment' })
  expect(row!.deadlines).toMatchObject({ applies: { kind: 'shipping' }, msLeft: 4 * H })
})

test('an order a carrier refused while being prepared is listed with the carrier’s words; once the parcel left it is not', async () => {
  const merchant = await createTestMerchant()
  const rejection = { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], at: hoursFromNow(-1).toISOString() }
  const refused = await createTestOrder({ merchantId: merchant.id, status: 'PACKED' })
  const shipped = await createTestOrder({ merchantId: merchant.id, status: 'IN_TRANSIT' })
  for (const o of [refused, shipped]) await db.order.update({ where: { id: o.id }, data: { carrierRejection: rejection, carrierRejectedAt: hoursFromNow(-1) } })

  const page = await list(merchant.id)

  expect(page.total).toBe(1)
  expect(page.orders[0]).toMatchObject({ reference: refused.reference, issues: [], carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'] } })
})
