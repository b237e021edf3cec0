import { expect, test } from 'vitest'
import { canonicalPostcode, hasPostcodeFormat, isWellFormedPostcode } from '@/lib/addresses/postcode'

test('accepts real postcodes in their usual spelling', () => {
  const real: [string, string][] = [
    ['75001', 'FR'], ['SW1A 1AA', 'GB'], ['EC1A 1BB', 'GB'], ['10115', 'DE'], ['1000', 'BE'], ['28001', 'ES'],
    ['00184', 'IT'], ['1012 AB', 'NL'], ['10001', 'US'], ['10001-1234', 'US'], ['K1A 0B1', 'CA'], ['1000-001', 'PT'],
  ]
  for (const [postcode, country] of real) expect(isWellFormedPostcode(postcode, country), `${postcode} ${country}`).toBe(true)
})

test('rejects postcodes with the wrong shape for the country', () => {
  expect(isWellFormedPostcode('7500', 'FR')).toBe(false)
  expect(isWellFormedPostcode('1000', 'DE')).toBe(false)
  expect(isWellFormedPostcode('99001', 'ES')).toBe(false)
  expect(isWellFormedPostcode('SW1A', 'GB')).toBe(false)
})

test('rejects a valid postcode spelt other than the canonical way', () => {
  expect(isWellFormedPostcode('sw1a1aa', 'GB')).toBe(false)
  expect(isWellFormedPostcode('75 001', 'FR')).toBe(false)
  expect(isWellFormedPostcode('1012ab', 'NL')).toBe(false)
})

test('the canonical spelling changes only case and spaces', () => {
  expect(canonicalPostcode('sw1a1aa', 'GB')).toBe('SW1A 1AA')
  expect(canonicalPostcode('SW1A  1AA', 'GB')).toBe('SW1A 1AA')
  expect(canonicalPostcode('m11ae', 'GB')).toBe('M1 1AE')
  expect(canonicalPostcode('1012ab', 'NL')).toBe('1012 AB')
  expect(canonicalPostcode('k1a0b1', 'CA')).toBe('K1A 0B1')
  expect(canonicalPostcode('75 001', 'FR')).toBe('75001')
  expect(canonicalPostcode('d02x285', 'IE')).toBe('D02 X285')
})

test('no guess when case and spaces are not enough', () => {
  expect(canonicalPostcode('7500', 'FR')).toBeNull()
  expect(canonicalPostcode('SW1A', 'GB')).toBeNull()
})

test('countries without a known pattern are skipped, not invented', () => {
  expect(hasPostcodeFormat('HK')).toBe(false)
  expect(isWellFormedPostcode('anything', 'HK')).toBe(true)
  expect(canonicalPostcode('anything', 'HK')).toBeNull()
  expect(hasPostcodeFormat('UK')).toBe(false)
})
