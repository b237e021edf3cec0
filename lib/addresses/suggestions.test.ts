import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress, type CheckAddressOptions } from '@/lib/addresses/check-address'
import { suggestFixes } from '@/lib/addresses/suggestions'

function suggest(address: Address, opts?: CheckAddressOptions) {
  return suggestFixes(address, checkAddress(address, opts).issues, opts)
}

/** Errors left on the fields a suggestion changes, once it is applied. */
function errorsLeft(address: Address, value: Partial<Address>, opts?: CheckAddressOptions) {
  const touched = Object.keys(value)
  return checkAddress({ ...address, ...value }, opts).issues.filter((i) => i.severity === 'error' && touched.includes(i.field))
}

const longStreet = '27 avenue du Maréchal de Lattre de Tassigny'

test('splits a long street into street and street 2', () => {
  const address = addressIn('FR', { street: longStreet })
  expect(suggest(address)).toEqual([
    {
      field: 'street',
      code: 'STREET_TOO_LONG',
      label: 'Split into street and street 2',
      value: { street: '27 avenue du Maréchal de Lattre de', street2: 'Tassigny' },
    },
  ])
})

test('moves what fits in front of an existing street 2', () => {
  const [suggestion] = suggest(addressIn('FR', { street: longStreet, street2: 'Bât C' }))
  expect(suggestion).toMatchObject({
    label: 'Move the end of the street to the start of street 2',
    value: { street: '27 avenue du Maréchal de Lattre de', street2: 'Tassigny, Bât C' },
  })
})

test('no split when street 2 has no room left', () => {
  expect(suggest(addressIn('FR', { street: longStreet, street2: 'Résidence les Jardins, escalier 4' }))).toEqual([])
})

test('offers a phone typed with its country code but no "+" in both international formats', () => {
  const address = addressIn('FR', { phone: '44 7911 123456' })
  expect(suggest(address)).toEqual([
    { field: 'phone', code: 'PHONE_BAD_FORMAT', label: 'International format: +447911123456', value: { phone: '+447911123456' } },
    { field: 'phone', code: 'PHONE_BAD_FORMAT', label: 'Readable international format: +44 7911 123456', value: { phone: '+44 7911 123456' } },
  ])
})

test('no phone suggestion when no reading of the number is valid', () => {
  expect(suggest(addressIn('FR', { phone: '06 12 34 56 78 9' }))).toEqual([])
  expect(suggest(addressIn('FR', { country: 'AT', postalCode: '1010', city: 'Wien', phone: '+43 664 1234567890' }))).toEqual([])
})

test('rewrites a postcode in its canonical case and spacing', () => {
  expect(suggest(addressIn('GB', { postalCode: 'sw1a1aa' }))).toEqual([
    { field: 'postalCode', code: 'ZIP_BAD_FORMAT', label: 'Write it as SW1A 1AA', value: { postalCode: 'SW1A 1AA' } },
  ])
  expect(suggest(addressIn('FR', { postalCode: '75 001' })).map((s) => s.value)).toEqual([{ postalCode: '75001' }])
  expect(suggest(addressIn('NL', { postalCode: '1012lm' })).map((s) => s.value)).toEqual([{ postalCode: '1012 LM' }])
})

test('does not guess a missing digit', () => {
  expect(suggest(addressIn('FR', { postalCode: '7500' }))).toEqual([])
})

test('drops the +4 of a US ZIP+4 to fit Cubyn', () => {
  expect(suggest(addressIn('US', { postalCode: '10118-0110' }))).toEqual([
    { field: 'postalCode', code: 'ZIP_TOO_LONG', label: 'Use the 5-digit ZIP code 10118', value: { postalCode: '10118' } },
  ])
})

test('replaces "UK" with GB, and guesses nothing for an unknown code', () => {
  const phone = '+447911123456'
  expect(suggest(addressIn('GB', { country: 'UK', phone }))).toEqual([
    { field: 'country', code: 'COUNTRY_INVALID', label: 'Use GB (United Kingdom)', value: { country: 'GB' } },
  ])
  expect(suggest(addressIn('GB', { country: 'XX', phone }))).toEqual([])
})

test('offers a transliteration of a non-Latin name, labelled as one to check', () => {
  expect(suggest(addressIn('DE', { firstName: 'Дмитрий', lastName: 'Иванов' }))).toEqual([
    { field: 'firstName', code: 'NAME_NON_LATIN', label: 'Transliteration "Dmitriy": check the spelling with the buyer', value: { firstName: 'Dmitriy' } },
    { field: 'lastName', code: 'NAME_NON_LATIN', label: 'Transliteration "Ivanov": check the spelling with the buyer', value: { lastName: 'Ivanov' } },
  ])
})

test('no transliteration that would itself be too long', () => {
  const address = addressIn('DE', { lastName: 'Щ'.repeat(10) }) // "Shch" × 10 = 40 characters
  expect(checkAddress(address).issues.map((i) => i.code)).toEqual(['NAME_NON_LATIN'])
  expect(suggest(address)).toEqual([])
})

test('nothing to suggest for issues only a person can resolve', () => {
  expect(suggest(addressIn('FR', { firstName: null, city: null, phone: null }))).toEqual([])
  expect(suggest(addressIn('FR', { street: 'Deleted' }))).toEqual([])
})

test('only the issues given are considered', () => {
  expect(suggestFixes(addressIn('FR', { street: longStreet }), [])).toEqual([])
})

test('every suggestion clears the errors of the fields it changes', () => {
  const broken: [Address, CheckAddressOptions?][] = [
    [addressIn('FR', { street: longStreet, street2: 'Bât C', postalCode: '75 001', phone: '33 6 12 34 56 78 ' })],
    [addressIn('GB', { country: 'UK', postalCode: 'sw1a 2aa', lastName: 'Смирнова', phone: '447911123456' })],
    [addressIn('NL', { street: 'Burgemeester van Tienhovenstraat 123, huis', postalCode: '1012lm' })],
    [addressIn('US', { postalCode: '10118-0110', firstName: '王', lastName: '芳' })],
    [addressIn('BE', { firstName: 'Νίκος', street: 'Avenue de la Toison d’Or 56, boîte 12' }), { carrierProfile: 'colissimo-relay' }],
    [addressIn('ES', { lastName: 'الحسن', street: 'Calle de Nuestra Señora de Fátima, 3, 2ºB' }), { carrierProfile: 'ups' }],
  ]
  let count = 0
  for (const [address, opts] of broken) {
    for (const suggestion of suggest(address, opts)) {
      count += 1
      expect(errorsLeft(address, suggestion.value, opts), suggestion.label).toEqual([])
    }
  }
  expect(count).toBeGreaterThanOrEqual(12)
})
