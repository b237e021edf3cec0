import { expect, test } from 'vitest'
import { isOrderReference } from '@/lib/orders/order-reference'
import { referencePrefixRange } from '@/lib/orders/reference-prefix'

const inRange = (s: string, prefix: string) => {
  const { first, last } = referencePrefixRange(prefix)
  return s >= first && s <= last
}

test('the range runs from the prefix to the prefix followed by nines, 32 digits in all', () => {
  expect(referencePrefixRange('4019')).toEqual({ first: '4019', last: `4019${'9'.repeat(28)}`, pattern: '4019%' })
  expect(referencePrefixRange('9'.repeat(32)).last).toBe('9'.repeat(32))
})

test('holds every extension of the prefix and nothing else, all-nines prefixes included', () => {
  for (const s of ['4019', '40190', '401999999999', '4019123', `4019${'9'.repeat(28)}`]) expect(inRange(s, '4019')).toBe(true)
  for (const s of ['402', '4020', '41', '5', '4018', '40189999', '401']) expect(inRange(s, '4019')).toBe(false)
  for (const s of ['99', '991', '9'.repeat(32)]) expect(inRange(s, '99')).toBe(true)
  for (const s of ['98', '9', '989999']) expect(inRange(s, '99')).toBe(false)
})

test('32 digits is the longest reference, so the upper end is the largest extension', () => {
  expect(isOrderReference('9'.repeat(32))).toBe(true)
  expect(isOrderReference('9'.repeat(33))).toBe(false)
})

test('rejects what cannot be a reference', () => {
  expect(() => referencePrefixRange('')).toThrow()
  expect(() => referencePrefixRange('12a')).toThrow()
  expect(() => referencePrefixRange('1'.repeat(33))).toThrow()
})
