import { createFormatter } from 'next-intl'
import { expect, test } from 'vitest'
import { formatClock, formatWhen, formatWhenToSecond, formatWhenWithYear } from './format-time'

const at = '2026-12-08T09:42:13.000Z'

test('a time is shown on the reader’s clock with its zone’s short name, in their language', () => {
  expect(formatWhen(createFormatter({ locale: 'en', timeZone: 'UTC' }), at)).toBe('Dec 8, 09:42 UTC')
  expect(formatWhen(createFormatter({ locale: 'en', timeZone: 'Asia/Tokyo' }), at)).toBe('Dec 8, 18:42 GMT+9')
  expect(formatWhen(createFormatter({ locale: 'fr', timeZone: 'Europe/Paris' }), new Date(at))).toBe('8 déc., 10:42 UTC+1')
  // 04:42 in New York: the same instant, an earlier hour, the zone said.
  expect(formatClock(createFormatter({ locale: 'en', timeZone: 'America/New_York' }), at)).toBe('04:42:13 EST')
  expect(formatClock(createFormatter({ locale: 'fr', timeZone: 'UTC' }), at)).toBe('09:42:13 UTC')
})

test('summer time moves the clock and its name', () => {
  expect(formatWhen(createFormatter({ locale: 'en', timeZone: 'Europe/Paris' }), '2026-07-08T09:42:00Z')).toBe('Jul 8, 11:42 GMT+2')
  expect(formatWhen(createFormatter({ locale: 'en', timeZone: 'America/Los_Angeles' }), '2026-07-08T09:42:00Z')).toBe('Jul 8, 02:42 PDT')
})

test('the year and second variants keep the 24-hour clock and the zone name', () => {
  expect(formatWhenWithYear(createFormatter({ locale: 'en', timeZone: 'UTC' }), at)).toBe('Dec 8, 2026, 09:42 UTC')
  expect(formatWhenToSecond(createFormatter({ locale: 'en', timeZone: 'America/New_York' }), '2026-12-08T19:42:13.000Z')).toBe('Dec 8, 2026, 14:42:13 EST')
  expect(formatWhenWithYear(createFormatter({ locale: 'fr', timeZone: 'Europe/Paris' }), at)).toBe('8 déc. 2026, 10:42 UTC+1')
  expect(formatWhenToSecond(createFormatter({ locale: 'fr', timeZone: 'Europe/Paris' }), at)).toBe('8 déc. 2026, 10:42:13 UTC+1')
})
