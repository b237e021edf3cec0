import { expect, test } from 'vitest'
import { parseDateFilter } from './dates'

test('RFC 3339 with Z or an offset', () => {
  expect(parseDateFilter('2026-03-22T19:14:18Z')).toBe(Date.UTC(2026, 2, 22, 19, 14, 18))
  expect(parseDateFilter('2026-03-22T20:14:18+01:00')).toBe(Date.UTC(2026, 2, 22, 19, 14, 18))
  expect(parseDateFilter('2026-03-22T19:14:18.5Z')).toBe(Date.UTC(2026, 2, 22, 19, 14, 18, 500))
})

test('the "YYYY-MM-DD HH:MM:SS" form real clients send, read as UTC', () => {
  expect(parseDateFilter('2026-03-22 19:14:18')).toBe(Date.UTC(2026, 2, 22, 19, 14, 18))
  expect(parseDateFilter('2026-03-22')).toBe(Date.UTC(2026, 2, 22))
})

test('anything else is refused', () => {
  for (const v of ['yesterday', '22/03/2026', '2026-13-45 99:00:00', '']) expect(parseDateFilter(v)).toBeUndefined()
})
