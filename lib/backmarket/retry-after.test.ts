import { expect, test } from 'vitest'
import { parseRetryAfter } from './retry-after'

const NOW = Date.parse('2026-03-22T12:00:00Z')

test('reads Retry-After given in seconds', () => {
  expect(parseRetryAfter('7', NOW)).toBe(7000)
  expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
  expect(parseRetryAfter('1.5', NOW)).toBe(1500)
})

test('reads Retry-After given as an HTTP date, never negative', () => {
  expect(parseRetryAfter('Sun, 22 Mar 2026 12:00:10 GMT', NOW)).toBe(10_000)
  expect(parseRetryAfter('Sun, 22 Mar 2026 11:59:00 GMT', NOW)).toBe(0)
})

test('gives undefined when Retry-After is absent or unreadable', () => {
  expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
  expect(parseRetryAfter(null, NOW)).toBeUndefined()
  expect(parseRetryAfter('', NOW)).toBeUndefined()
  expect(parseRetryAfter('-5', NOW)).toBeUndefined()
  expect(parseRetryAfter('soon', NOW)).toBeUndefined()
  expect(parseRetryAfter('12 apples', NOW)).toBeUndefined()
})
