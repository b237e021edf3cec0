import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import { checkAddress } from '@/lib/addresses/check-address'

// An international phone, so the phone rule does not depend on the country under test.
const base = { phone: '+33 6 12 34 56 78' }

test('COUNTRY_INVALID when the country is missing', () => {
  expect(checkAddress(addressIn('FR', { ...base, country: null })).issues).toEqual([
    { code: 'COUNTRY_INVALID', field: 'country', severity: 'error', message: 'Country is missing. Choose the destination country.' },
  ])
})

test('COUNTRY_INVALID for "UK", suggesting GB', () => {
  const [issue] = checkAddress(addressIn('GB', { ...base, country: 'UK' })).issues
  expect(issue).toMatchObject({ code: 'COUNTRY_INVALID', params: { country: 'UK', expected: 'GB' } })
  expect(issue?.message).toBe('Country "UK" is not a country code carriers accept. Did you mean GB (United Kingdom)?')
})

test('COUNTRY_INVALID for an unknown code, with examples', () => {
  const [issue] = checkAddress(addressIn('FR', { ...base, country: 'XX' })).issues
  expect(issue?.message).toBe('Country "XX" is not a country code carriers accept. Use the two-letter ISO code, e.g. FR, DE or GB.')
})

test('COUNTRY_INVALID for a lower-case code that bypassed the schema', () => {
  expect(checkAddress(addressIn('FR', { ...base, country: 'fr' })).issues.map((i) => i.params)).toEqual([{ country: 'fr', expected: 'FR' }])
})

test('no COUNTRY_INVALID for countries we ship to, EU or not', () => {
  for (const country of ['CH', 'NO', 'PT', 'IE', 'PL', 'SE']) {
    const codes = checkAddress(addressIn('FR', { ...base, country, postalCode: null })).issues.map((i) => i.code)
    expect(codes, country).toEqual(['ZIP_MISSING'])
  }
})
