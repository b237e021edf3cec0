import { expect, test } from 'vitest'
import { AppError } from '@/lib/errors'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'
import { createTestMerchant, createTestOrder } from '@/test/factories'

test('returns the order with its lines and both addresses, money and ids as strings', async () => {
  const m = await createTestMerchant()
  await createTestOrder({
    merchantId: m.id,
    reference: '40123456',
    totalPrice: '369.9',
    lines: [
      { bmOrderlineId: 9007199254740993n, listing: 'IPH13-128', sku: 'IPH13-128-BLK', quantity: 1, price: '349.90', bmState: 2 },
      { bmOrderlineId: 7, listing: 'CASE', quantity: 2, price: '10' },
    ],
    currentAddress: { city: 'Lyon' },
  })
  const order = await getOrderByReferenceOrThrow({ merchantId: m.id, reference: '40123456' })
  expect(order.reference).toBe('40123456')
  expect(order.totalPrice).toBe('369.90')
  // Ordered by Back Market orderline id; a BigInt past 2^53 survives as an exact string.
  expect(order.lines.map((l) => [l.bmOrderlineId, l.listing, l.sku, l.quantity, l.price])).toEqual([
    ['7', 'CASE', 'CASE', 2, '10.00'],
    ['9007199254740993', 'IPH13-128', 'IPH13-128-BLK', 1, '349.90'],
  ])
  expect(order.addresses.original?.city).toBe('Paris')
  expect(order.addresses.current?.city).toBe('Lyon')
})

test("another merchant's order is not found, the same as a missing one", async () => {
  const a = await createTestMerchant()
  const b = await createTestMerchant()
  await createTestOrder({ merchantId: b.id, reference: '555' })
  for (const reference of ['555', '556', 'not-a-reference', '1'.repeat(40)]) {
    const err = await getOrderByReferenceOrThrow({ merchantId: a.id, reference }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('not_found')
    expect((err as AppError).userMessage).toBe('Order not found.')
  }
})
