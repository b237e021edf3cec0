import { expect, test } from 'vitest'
import { formatBmDateTime, parseBmDateTime } from './datetime'

test('parses the date-time spellings seen in Back Market payloads', () => {
  expect(parseBmDateTime('2026-03-22T19:14:18Z')?.toISOString()).toBe('2026-03-22T19:14:18.000Z')
  expect(parseBmDateTime('2026-03-22T20:14:18+01:00')?.toISOString()).toBe('2026-03-22T19:14:18.000Z')
  expect(parseBmDateTime('2026-03-22T21:14:18+0200')?.toISOString()).toBe('2026-03-22T19:14:18.000Z')
  expect(parseBmDateTime('2022-04-29T09:35:24.123456Z')?.toISOString()).toBe('2022-04-29T09:35:24.123Z')
  expect(parseBmDateTime('2026-03-22 19:14:18')?.toISOString()).toBe('2026-03-22T19:14:18.000Z')
})

test('takes a date-time without offset as UTC (the spec example for expected_dispatch_date has none)', () => {
  expect(parseBmDateTime('2022-04-29T09:35:24')?.toISOString()).toBe('2022-04-29T09:35:24.000Z')
  expect(parseBmDateTime('2022-04-29')?.toISOString()).toBe('2022-04-29T00:00:00.000Z')
})

test('rejects what is not a date-time', () => {
  expect(parseBmDateTime('')).toBeNull()
  expect(parseBmDateTime('yesterday')).toBeNull()
  expect(parseBmDateTime('2026-13-45T99:00:00Z')).toBeNull()
  expect(parseBmDateTime('1774203258')).toBeNull()
})

test('formats filters as RFC 3339 UTC, truncated to the second so a lower bound stays inclusive', () => {
  expect(formatBmDateTime(new Date('2026-03-22T19:14:18.999Z'))).toBe('2026-03-22T19:14:18Z')
  expect(formatBmDateTime(new Date('2026-03-22T20:14:18+01:00'))).toBe('2026-03-22T19:14:18Z')
  expect(() => formatBmDateTime(new Date('nope'))).toThrow(RangeError)
})
