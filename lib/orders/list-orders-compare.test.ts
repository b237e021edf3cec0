// The order list's named statement (ADR 0014) against the same list worked out in JavaScript from
// the rows Prisma reads: every filter shape, page size and page, on references that are prefixes
// of one another, shared dates and orders without one, and another merchant holding the same
// references.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { listOrders, type OrderSummary } from '@/lib/orders/list-orders'
import { createTestMerchant, createTestOrder } from '@/test/factories'

const STATUSES: OrderStatus[] = ['CREATED', 'PACKED', 'CANCELLED']
const REFERENCES = ['1', '12', '121', '1212', '122', '129', '1299', '13', '2', '21', '9', '99', '991', '9999', '120', '1200', '12000', '3']

/** A fixed pseudo-random sequence: the same data on every run. */
function sequence(seed: number) {
  let x = seed
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x % n
  }
}

async function seedMerchant(pick: (n: number) => number) {
  const merchant = await createTestMerchant()
  const base = Date.now() - 86_400_000
  for (const [i, reference] of REFERENCES.entries()) {
    // Four dates for 18 orders (ties broken by reference), and two orders without one.
    const placedAt = i % 9 === 4 ? null : new Date(base + pick(4) * 60_000)
    await createTestOrder({
      merchantId: merchant.id,
      reference,
      status: STATUSES[pick(STATUSES.length)],
      placedAt,
      totalPrice: i % 5 === 0 ? null : `${pick(900)}.${String(pick(100)).padStart(2, '0')}`,
      lines: Array.from({ length: 1 + pick(3) }, () => ({})),
      currentAddress: { firstName: `F${i}`, lastName: i % 4 === 0 ? '' : `L${i}`, city: `City ${i}` },
    })
  }
  return merchant
}

/** Every order of the merchant as the list shows it, read through Prisma. */
async function allSummaries(merchantId: string): Promise<OrderSummary[]> {
  const orders = await db.order.findMany({
    where: { merchantId },
    include: { addresses: { where: { kind: 'CURRENT' } }, lines: { select: { id: true } } },
  })
  return orders.map((o) => {
    const ship = o.addresses[0]
    return {
      reference: o.reference,
      status: o.status,
      bmState: o.bmState,
      placedAt: o.placedAt,
      countryCode: o.countryCode,
      currency: o.currency,
      totalPrice: o.totalPrice?.toFixed(2) ?? null,
      customerName: [ship?.firstName, ship?.lastName].filter(Boolean).join(' ') || null,
      shipToCity: ship?.city ?? null,
      shipToCountry: ship?.country ?? null,
      lineCount: o.lines.length,
    }
  })
}

/** Newest first, orders without a date before the others, then by reference; the exact match pinned first. */
function expectedPage(all: OrderSummary[], q: string | undefined, status: OrderStatus | undefined, page: number, pageSize: number) {
  const time = (o: OrderSummary) => (o.placedAt === null ? Infinity : o.placedAt.getTime())
  const matches = all
    .filter((o) => (!q || o.reference.startsWith(q)) && (!status || o.status === status))
    .sort((a, b) => time(b) - time(a) || (a.reference < b.reference ? -1 : 1))
  const exact = matches.filter((o) => o.reference === q)
  const ordered = [...exact, ...matches.filter((o) => o.reference !== q)]
  return { orders: ordered.slice((page - 1) * pageSize, page * pageSize), total: matches.length }
}

test('every filter, page size and page gives what the rows say, pinned exact match included', async () => {
  const pick = sequence(7)
  const merchant = await seedMerchant(pick)
  // Another merchant with the same references, different everything else.
  await seedMerchant(sequence(11))
  const all = await allSummaries(merchant.id)
  const searches = [undefined, '1', '12', '120', '1212', '129', '9', '99', '9999', '4', '12345678901234567890123456789012']
  let compared = 0
  for (const q of searches) {
    for (const status of [undefined, ...STATUSES]) {
      for (const pageSize of [1, 3, 7, 25]) {
        const { total } = expectedPage(all, q, status, 1, pageSize)
        const pageCount = Math.max(1, Math.ceil(total / pageSize))
        for (let page = 1; page <= pageCount + 1; page++) {
          const expected = expectedPage(all, q, status, page, pageSize)
          const got = await listOrders({ merchantId: merchant.id, q, status, page, pageSize })
          expect(got, JSON.stringify({ q, status, page, pageSize })).toEqual({ ...expected, page, pageSize, pageCount })
          compared += got.orders.length
        }
      }
    }
  }
  // The data is varied enough that the loops saw many rows, not a run of empty pages.
  expect(compared).toBeGreaterThan(300)
})
