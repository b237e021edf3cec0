// The warehouse's input schemas take text the way every input does (lib/input/plain-text.ts): a
// NUL would reach PostgreSQL, which refuses it in text with an error of its own. Units are
// bounded by the int4 quantity column.
import { expect, test } from 'vitest'
import { INT4_MAX } from '@/lib/input/int-bounds'
import { StockMovementInputSchema } from './record-stock-movement'
import { ShipInputSchema } from './ship-order'

const fieldsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? []

test('a control character in a SKU, a reason, a carrier or a tracking number is refused, naming the field', () => {
  expect(fieldsOf(StockMovementInputSchema.safeParse({ sku: 'SKU\u0000', delta: 1, reason: 'restock' }))).toEqual(['sku'])
  expect(fieldsOf(StockMovementInputSchema.safeParse({ sku: 'SKU', delta: 1, reason: 're\u001bstock' }))).toEqual(['reason'])
  expect(fieldsOf(ShipInputSchema.safeParse({ carrier: 'Colis\u0000simo', trackingNumber: '6A123' }))).toEqual(['carrier'])
  expect(fieldsOf(ShipInputSchema.safeParse({ carrier: 'Colissimo', trackingNumber: '6A\u0000123' }))).toEqual(['trackingNumber'])
})

test('a tracking number keeps losing its whitespace, tabs and line breaks included', () => {
  expect(ShipInputSchema.parse({ carrier: 'Colissimo', trackingNumber: ' 6A 123\t456\n' }).trackingNumber).toBe('6A123456')
})

test('a movement past what the quantity column holds is refused', () => {
  expect(fieldsOf(StockMovementInputSchema.safeParse({ sku: 'SKU', delta: INT4_MAX + 1, reason: 'x' }))).toEqual(['delta'])
  expect(fieldsOf(StockMovementInputSchema.safeParse({ sku: 'SKU', delta: -INT4_MAX - 1, reason: 'x' }))).toEqual(['delta'])
  expect(StockMovementInputSchema.safeParse({ sku: 'SKU', delta: INT4_MAX, reason: 'x' }).success).toBe(true)
})
