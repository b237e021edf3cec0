import { expect, test } from 'vitest'
import { carrierPhoneDigits, isIncrementalSequence, parsePhone } from '@/lib/addresses/phone'

test('reads national numbers in the address country', () => {
  expect(parsePhone('06 12 34 56 78', 'FR')).toMatchObject({ e164: '+33612345678', international: '+33 6 12 34 56 78', valid: true })
  expect(parsePhone('07911 123456', 'GB')).toMatchObject({ e164: '+447911123456', valid: true })
  expect(parsePhone('0151 12345678', 'DE')).toMatchObject({ e164: '+4915112345678', valid: true })
  expect(parsePhone('0470 12 34 56', 'BE')).toMatchObject({ e164: '+32470123456', callingCode: '32', valid: true })
})

test('an international number does not need the country', () => {
  expect(parsePhone('+39 333 123 4567', null)).toMatchObject({ e164: '+393331234567', valid: true })
})

test('a number of the wrong length is invalid; text is not a number at all', () => {
  expect(parsePhone('06 12 34 56 78 9', 'FR')?.valid).toBe(false)
  expect(parsePhone('abc', 'FR')).toBeNull()
  expect(parsePhone('06 12 34 56 78', null)).toBeNull()
})

test('exports digits with the country code and without the "+"', () => {
  const phone = parsePhone('0151 12345678', 'DE')
  expect(phone && carrierPhoneDigits(phone)).toBe('4915112345678')
})

test('spots 1-2-3-4 placeholder numbers', () => {
  expect(isIncrementalSequence('123456789')).toBe(true)
  expect(isIncrementalSequence('4567890123')).toBe(true)
  expect(isIncrementalSequence('612345678')).toBe(false)
})
