import { expect, test } from 'vitest'
import { isTimeZone, resolveTimeZone, timeZoneChoices } from './time-zone'

test('only zones the runtime knows are taken; anything else is UTC', () => {
  expect(isTimeZone('Europe/Paris')).toBe(true)
  expect(isTimeZone('UTC')).toBe(true)
  expect(isTimeZone('Mars/Olympus')).toBe(false)
  expect(isTimeZone('<script>')).toBe(false)
  expect(resolveTimeZone('America/New_York')).toBe('America/New_York')
  expect(resolveTimeZone('nope')).toBe('UTC')
  expect(resolveTimeZone(undefined)).toBe('UTC')
  expect(timeZoneChoices()).toContain('Asia/Tokyo')
})
