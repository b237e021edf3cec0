import { expect, test } from 'vitest'
import { zonedMidnight } from './zoned-day'

test('midnight of a day in a zone, as the instant it is', () => {
  expect(zonedMidnight('2026-12-03', 'UTC').toISOString()).toBe('2026-12-03T00:00:00.000Z')
  expect(zonedMidnight('2026-12-03', 'Europe/Paris').toISOString()).toBe('2026-12-02T23:00:00.000Z')
  expect(zonedMidnight('2026-07-03', 'Europe/Paris').toISOString()).toBe('2026-07-02T22:00:00.000Z')
  expect(zonedMidnight('2026-12-03', 'Asia/Tokyo').toISOString()).toBe('2026-12-02T15:00:00.000Z')
  expect(zonedMidnight('2026-12-03', 'America/New_York', 1).toISOString()).toBe('2026-12-04T05:00:00.000Z')
  // The day summer time starts in Paris (29 March 2026) begins at +01:00, the next at +02:00.
  expect(zonedMidnight('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z')
  expect(zonedMidnight('2026-03-29', 'Europe/Paris', 1).toISOString()).toBe('2026-03-29T22:00:00.000Z')
  // Month ends roll over.
  expect(zonedMidnight('2026-12-31', 'UTC', 1).toISOString()).toBe('2027-01-01T00:00:00.000Z')
})
