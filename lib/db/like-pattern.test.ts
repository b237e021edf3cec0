import { expect, test } from 'vitest'
import { equalsIgnoringCase, escapeLikePattern } from './like-pattern'

test.each([
  ['ABC-123', 'ABC-123'],
  ['100%', '100\\%'],
  ['a_b', 'a\\_b'],
  ['ends\\', 'ends\\\\'],
  ['\\%_', '\\\\\\%\\_'],
  ['', ''],
])('%j as a pattern matching only itself is %j', (value, pattern) => {
  expect(escapeLikePattern(value)).toBe(pattern)
})

test('the case-insensitive filter carries the escaped value', () => {
  expect(equalsIgnoringCase('sku_%')).toEqual({ equals: 'sku\\_\\%', mode: 'insensitive' })
})
