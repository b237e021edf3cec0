import { expect, test } from 'vitest'
import { nextPrefix } from '@/lib/orders/next-prefix'

test('increments the last digit', () => {
  expect(nextPrefix('123')).toBe('124')
  expect(nextPrefix('0')).toBe('1')
  expect(nextPrefix('40000000')).toBe('40000001')
})

test('carries over trailing nines by dropping them', () => {
  expect(nextPrefix('129')).toBe('13')
  expect(nextPrefix('1999')).toBe('2')
  expect(nextPrefix('4099')).toBe('41')
})

test('has no upper bound when every digit is 9', () => {
  expect(nextPrefix('9')).toBeNull()
  expect(nextPrefix('999')).toBeNull()
})

test('the bound sits above every extension of the prefix and below every string past it', () => {
  const prefix = '4019'
  const bound = nextPrefix(prefix)!
  for (const s of ['4019', '40190', '401999999999', '4019123']) expect(s < bound).toBe(true)
  for (const s of ['402', '4020', '41', '5']) expect(s >= bound).toBe(true)
  for (const s of ['4018', '40189999', '401']) expect(s < prefix).toBe(true)
})

test('rejects what cannot be a reference', () => {
  expect(() => nextPrefix('')).toThrow()
  expect(() => nextPrefix('12a')).toThrow()
})
