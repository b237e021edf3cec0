import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { autoFix } from '@/lib/addresses/auto-fix'
import { checkAddress } from '@/lib/addresses/check-address'

/** A Back Market order as it often arrives: spaces everywhere, national phone, long street. */
const messyFromBackMarket: Address = {
  company: '  ',
  firstName: ' Camille ',
  lastName: 'Lefe\u0300vre',
  street: '27 avenue du  Maréchal de Lattre de Tassigny ',
  street2: '',
  postalCode: '75 016',
  city: 'Paris ',
  country: 'fr',
  phone: '06 12 34 56 78',
  email: ' shipping_1234_40123456@eu.perso-email.com',
}

test('an address that needs nothing is returned unchanged', () => {
  const clean = addressIn('GB', { phone: '+447911123456' })
  expect(autoFix(clean)).toEqual({ address: clean, applied: [] })
})

test('a typical Back Market address is fixed silently and then passes the check', () => {
  const before = checkAddress(messyFromBackMarket)
  expect(before.valid).toBe(false)
  const { address } = autoFix(messyFromBackMarket)
  expect(address).toEqual({
    company: null,
    firstName: 'Camille',
    lastName: 'Lefèvre',
    street: '27 avenue du Maréchal de Lattre de',
    street2: 'Tassigny',
    postalCode: '75016',
    city: 'Paris',
    country: 'FR',
    phone: '+33612345678',
    email: 'shipping_1234_40123456@eu.perso-email.com',
  })
  expect(checkAddress(address)).toEqual({ valid: true, issues: [] })
})

test('lists each fix with the value before and after', () => {
  const { applied } = autoFix(messyFromBackMarket)
  expect(applied).toEqual([
    { kind: 'whitespace', field: 'company', from: '  ', to: null },
    { kind: 'whitespace', field: 'firstName', from: ' Camille ', to: 'Camille' },
    { kind: 'whitespace', field: 'lastName', from: 'Lefe\u0300vre', to: 'Lefèvre' },
    { kind: 'whitespace', field: 'street', from: '27 avenue du  Maréchal de Lattre de Tassigny ', to: '27 avenue du Maréchal de Lattre de Tassigny' },
    { kind: 'whitespace', field: 'street2', from: '', to: null },
    { kind: 'whitespace', field: 'city', from: 'Paris ', to: 'Paris' },
    { kind: 'whitespace', field: 'email', from: ' shipping_1234_40123456@eu.perso-email.com', to: 'shipping_1234_40123456@eu.perso-email.com' },
    { kind: 'country-case', field: 'country', from: 'fr', to: 'FR' },
    { kind: 'phone-e164', field: 'phone', from: '06 12 34 56 78', to: '+33612345678' },
    { kind: 'postcode-format', field: 'postalCode', from: '75 016', to: '75016' },
    { kind: 'street-overflow', field: 'street', from: '27 avenue du Maréchal de Lattre de Tassigny', to: '27 avenue du Maréchal de Lattre de' },
    { kind: 'street-overflow', field: 'street2', from: null, to: 'Tassigny' },
  ])
})

test('phones become E.164 in each market', () => {
  const expected = { FR: '+33612345678', GB: '+447911123456', DE: '+4915112345678', BE: '+32470123456', ES: '+34612345678', IT: '+393331234567', NL: '+31612345678', US: '+12125550123' } as const
  for (const [country, e164] of Object.entries(expected) as [keyof typeof expected, string][]) {
    expect(autoFix(addressIn(country)).address.phone, country).toBe(e164)
  }
})

test('a phone it cannot read is left for the check to report', () => {
  const { address, applied } = autoFix(addressIn('FR', { phone: '06 12 34 56 78 9' }))
  expect(address.phone).toBe('06 12 34 56 78 9')
  expect(applied).toEqual([])
})

test('UK-, NL- and CA-style postcodes are upper-cased and spaced', () => {
  expect(autoFix(addressIn('GB', { postalCode: 'sw1a2aa' })).address.postalCode).toBe('SW1A 2AA')
  expect(autoFix(addressIn('GB', { postalCode: 'SW1A2AA' })).address.postalCode).toBe('SW1A 2AA')
  expect(autoFix(addressIn('NL', { postalCode: '1012lm' })).address.postalCode).toBe('1012 LM')
  const canada = addressIn('US', { country: 'CA', postalCode: 'k1a0b1', city: 'Ottawa', phone: '+1 613 555 0123' })
  expect(autoFix(canada).address.postalCode).toBe('K1A 0B1')
})

test('a postcode that spacing cannot make valid is not guessed at', () => {
  expect(autoFix(addressIn('FR', { postalCode: '7500' })).address.postalCode).toBe('7500')
})

test('the street overflow joins what street 2 says when both fit', () => {
  const { address } = autoFix(addressIn('FR', { street: '27 avenue du Maréchal de Lattre de Tassigny', street2: 'Bât C' }))
  expect([address.street, address.street2]).toEqual(['27 avenue du Maréchal de Lattre de', 'Tassigny, Bât C'])
})

test('the street is left long when street 2 cannot take the overflow', () => {
  const street = '27 avenue du Maréchal de Lattre de Tassigny'
  const street2 = 'Résidence les Jardins, escalier 4'
  const { address, applied } = autoFix(addressIn('FR', { street, street2 }))
  expect([address.street, address.street2]).toEqual([street, street2])
  expect(applied.filter((f) => f.kind === 'street-overflow')).toEqual([])
  expect(checkAddress(address).issues.map((i) => i.code)).toEqual(['STREET_TOO_LONG'])
})

test('"UK" is not silently turned into GB: that is a suggestion', () => {
  expect(autoFix(addressIn('GB', { country: 'UK', phone: '+447911123456' })).applied).toEqual([])
})

test('keeps properties other than the address fields', () => {
  const row = { ...addressIn('DE'), id: 'addr_1' }
  expect(autoFix(row).address.id).toBe('addr_1')
})

test('idempotent: a second pass changes nothing', () => {
  const samples: Address[] = [
    messyFromBackMarket,
    addressIn('GB', { postalCode: ' sw1a  2aa ', phone: '07911 123456' }),
    addressIn('NL', { street: 'Burgemeester van Tienhovenstraat 123, huis', street2: 'bis' }),
    addressIn('BE', { phone: 'bel me', postalCode: '10 00', street: `${'x'.repeat(40)} 1` }),
    addressIn('FR', { firstName: 'Deleted', lastName: 'Deleted', street: 'Deleted', phone: 'Deleted' }),
  ]
  for (const sample of samples) {
    const once = autoFix(sample).address
    expect(autoFix(once)).toEqual({ address: once, applied: [] })
  }
})
