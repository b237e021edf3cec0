import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress } from '@/lib/addresses/check-address'

const codesOf = (address: Address) => checkAddress(address).issues.map((i) => `${i.code}:${i.field}`)

test('ZIP_MISSING when there is no postcode, with the "0" way out in the message', () => {
  expect(codesOf(addressIn('DE', { postalCode: null }))).toEqual(['ZIP_MISSING:postalCode'])
  expect(checkAddress(addressIn('DE', { postalCode: '' })).issues[0]?.message).toBe(
    'Postcode is missing. Enter the postcode, or 0 if the destination country has no postcodes.',
  )
})

test('"0" is accepted where the country has no postcode pattern, not in France', () => {
  const hongKong = addressIn('FR', { country: 'HK', postalCode: '0', city: 'Hong Kong', phone: '+852 5123 4567' })
  expect(codesOf(hongKong)).toEqual([])
  expect(codesOf(addressIn('FR', { postalCode: '0' }))).toEqual(['ZIP_BAD_FORMAT:postalCode'])
})

test('ZIP_TOO_LONG: 8 characters pass, 9 fail', () => {
  const elsewhere = (postalCode: string) => addressIn('FR', { country: 'HK', postalCode, phone: null })
  expect(codesOf(elsewhere('12345678'))).toEqual(['PHONE_MISSING:phone'])
  expect(codesOf(elsewhere('123456789'))).toEqual(['ZIP_TOO_LONG:postalCode', 'PHONE_MISSING:phone'])
})

test('ZIP_TOO_LONG for a US ZIP+4, though its format is right', () => {
  const [issue, ...rest] = checkAddress(addressIn('US', { postalCode: '10118-0110' })).issues
  expect(rest).toEqual([])
  expect(issue).toMatchObject({ code: 'ZIP_TOO_LONG', params: { length: 10, max: 8 } })
  expect(issue?.message).toBe('Postcode is 10 characters long; Cubyn accepts at most 8. Remove extra characters, such as a ZIP+4 suffix.')
})

test('ZIP_BAD_FORMAT for a postcode of the wrong shape in each market', () => {
  const wrong = { FR: '7500', GB: 'SW1A', DE: '1011', BE: '10000', ES: '99001', IT: '0018', NL: '1012', US: '1011' } as const
  for (const [country, postalCode] of Object.entries(wrong) as [keyof typeof wrong, string][]) {
    expect(codesOf(addressIn(country, { postalCode })), country).toEqual(['ZIP_BAD_FORMAT:postalCode'])
  }
})

test('ZIP_BAD_FORMAT says what the postcode should look like', () => {
  const [issue] = checkAddress(addressIn('FR', { postalCode: '7500' })).issues
  expect(issue).toMatchObject({ params: { reason: 'format', postcode: '7500', country: 'FR', example: '75001' } })
  expect(issue?.message).toBe('Postcode "7500" is not a valid postcode for France. Check it with the buyer; it should look like 75001.')
})

test('ZIP_BAD_FORMAT for a right postcode written the wrong way, with the right way', () => {
  const [issue] = checkAddress(addressIn('GB', { postalCode: 'sw1a1aa' })).issues
  expect(issue).toMatchObject({ code: 'ZIP_BAD_FORMAT', params: { reason: 'spelling', expected: 'SW1A 1AA' } })
  expect(issue?.message).toBe('Postcode "sw1a1aa" is not written the way carriers expect for United Kingdom. Write it as "SW1A 1AA".')
  expect(codesOf(addressIn('FR', { postalCode: '75 002' }))).toEqual(['ZIP_BAD_FORMAT:postalCode'])
  expect(codesOf(addressIn('NL', { postalCode: '1012lm' }))).toEqual(['ZIP_BAD_FORMAT:postalCode'])
})

test('no ZIP_BAD_FORMAT when the country is invalid: COUNTRY_INVALID says it', () => {
  expect(codesOf(addressIn('FR', { country: 'XX', postalCode: 'whatever', phone: '+33 6 12 34 56 78' }))).toEqual(['COUNTRY_INVALID:country'])
})
