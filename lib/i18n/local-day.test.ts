import { expect, test } from 'vitest'
import { addDays, localDate, localDays, startOfLocalDay } from './local-day'

test('the last 7 days end today in the reader zone, whatever day it is in UTC', () => {
  const now = new Date('2026-12-08T20:00:00.000Z')
  expect(localDays({ now, timeZone: 'UTC', days: 7 }).days).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08'])
  // 05:00 on the 9th in Tokyo.
  const tokyo = localDays({ now, timeZone: 'Asia/Tokyo', days: 7 })
  expect(tokyo.days.at(-1)).toBe('2026-12-09')
  expect(tokyo.starts[0]).toEqual(new Date('2026-12-02T15:00:00.000Z'))
  // A month and a year are crossed like any other day.
  expect(localDays({ now: new Date('2027-01-02T10:00:00Z'), timeZone: 'Europe/Paris', days: 3 }).days).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'])
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
})

test('a day starts at its midnight, an hour moved by daylight saving included', () => {
  expect(startOfLocalDay('2026-12-03', 'UTC')).toEqual(new Date('2026-12-03T00:00:00.000Z'))
  expect(startOfLocalDay('2026-12-08', 'Europe/Paris')).toEqual(new Date('2026-12-07T23:00:00.000Z'))
  expect(startOfLocalDay('2026-07-08', 'Europe/Paris')).toEqual(new Date('2026-07-07T22:00:00.000Z'))
  // Paris springs forward at 02:00 on 29 March 2026: that day still starts at 00:00 (+01:00), and
  // is 23 hours long.
  expect(startOfLocalDay('2026-03-29', 'Europe/Paris')).toEqual(new Date('2026-03-28T23:00:00.000Z'))
  expect(startOfLocalDay('2026-03-30', 'Europe/Paris').getTime() - startOfLocalDay('2026-03-29', 'Europe/Paris').getTime()).toBe(23 * 3600_000)
  expect(startOfLocalDay('2026-12-08', 'America/Los_Angeles')).toEqual(new Date('2026-12-08T08:00:00.000Z'))
})

test('a zone that skips midnight starts the day when its clock resumes', () => {
  // Santiago moves from 00:00 to 01:00 on 6 September 2026 (-04:00 → -03:00).
  const start = startOfLocalDay('2026-09-06', 'America/Santiago')
  expect(start).toEqual(new Date('2026-09-06T04:00:00.000Z'))
  expect(localDate(start, 'America/Santiago')).toBe('2026-09-06')
  expect(localDate(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05')
  const length = (day: string, next: string) => startOfLocalDay(next, 'America/Santiago').getTime() - startOfLocalDay(day, 'America/Santiago').getTime()
  expect(length('2026-09-06', '2026-09-07')).toBe(23 * 3600_000)
  // And back on 5 April 2026, at midnight to 23:00: the 4th lasts 25 hours.
  expect(length('2026-04-04', '2026-04-05')).toBe(25 * 3600_000)
})
