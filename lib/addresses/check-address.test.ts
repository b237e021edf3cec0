import { expect, test } from 'vitest'
import { ADDRESS_ERROR_CODES, type AddressErrorCode } from '@/lib/addresses/address-issues'
import { addressIn, MARKET_CODES } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress, type CheckAddressOptions } from '@/lib/addresses/check-address'

test('a realistic address in each market passes with no issue', () => {
  for (const country of MARKET_CODES) {
    expect(checkAddress(addressIn(country)), country).toEqual({ valid: true, issues: [] })
  }
})

test('warnings alone leave the address valid', () => {
  const result = checkAddress(addressIn('FR', { phone: null, email: 'camille.lefevre@gmail' }))
  expect(result.valid).toBe(true)
  expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
    ['PHONE_MISSING', 'warning'],
    ['EMAIL_INVALID', 'warning'],
  ])
})

test('issues come in the order of the taxonomy', () => {
  const { valid, issues } = checkAddress({
    company: null,
    firstName: 'Дмитрий',
    lastName: null,
    street: '27 avenue du Maréchal de Lattre de Tassigny',
    street2: null,
    postalCode: '7500',
    city: null,
    country: 'FR',
    phone: '06 12 34 56 78 9',
    email: 'not-an-email',
  })
  expect(valid).toBe(false)
  const codes = issues.map((i) => i.code)
  expect(codes).toEqual(['NAME_MISSING', 'NAME_NON_LATIN', 'STREET_TOO_LONG', 'CITY_MISSING', 'ZIP_BAD_FORMAT', 'PHONE_BAD_FORMAT', 'EMAIL_INVALID'])
  expect(codes).toEqual([...codes].sort((a, b) => ADDRESS_ERROR_CODES.indexOf(a) - ADDRESS_ERROR_CODES.indexOf(b)))
})

test('an address Back Market anonymised is one blocking issue, not one per field', () => {
  const deleted = { firstName: 'Deleted', lastName: 'Deleted', street: 'Deleted', postalCode: 'Deleted', city: 'Deleted', phone: 'Deleted', email: 'Deleted' }
  const { valid, issues } = checkAddress(addressIn('FR', deleted))
  expect(valid).toBe(false)
  expect(issues).toEqual([
    {
      code: 'ADDRESS_ANONYMIZED',
      field: 'address',
      severity: 'error',
      message:
        'Back Market has anonymised this address (First name, Last name, Street, Postcode, City, Phone, Email: "Deleted"), so the order cannot ship. Ask Back Market support for the buyer\'s address, or cancel the order.',
      params: { fields: 'firstName,lastName,street,postalCode,city,phone,email' },
    },
  ])
})

test('one field reading "Deleted" is enough to flag the address', () => {
  const { issues } = checkAddress(addressIn('DE', { street: ' Deleted ' }))
  expect(issues.map((i) => [i.code, i.params])).toEqual([['ADDRESS_ANONYMIZED', { fields: 'street' }]])
})

test('"Deleted" inside a real value is not anonymisation', () => {
  expect(checkAddress(addressIn('GB', { street2: 'Flat 2, Deleted Mews' })).issues).toEqual([])
})

test('every code of the taxonomy is raised by some address, with a message', () => {
  const triggers: Record<AddressErrorCode, [Partial<Address>, CheckAddressOptions?]> = {
    NAME_MISSING: [{ firstName: null }],
    NAME_TOO_LONG: [{ lastName: 'L'.repeat(36) }],
    NAME_NON_LATIN: [{ firstName: 'Дмитрий' }],
    STREET_MISSING: [{ street: null }],
    STREET_TOO_LONG: [{ street: 'S'.repeat(36) }],
    STREET2_TOO_LONG: [{ street2: 'S'.repeat(36) }],
    CITY_MISSING: [{ city: null }],
    CITY_TOO_LONG: [{ city: 'C'.repeat(36) }],
    ZIP_MISSING: [{ postalCode: null }],
    ZIP_TOO_LONG: [{ postalCode: '123456789' }],
    ZIP_BAD_FORMAT: [{ postalCode: '7500' }],
    COUNTRY_INVALID: [{ country: 'UK', phone: '+33 6 12 34 56 78' }],
    PHONE_MISSING: [{ phone: null }],
    PHONE_BAD_FORMAT: [{ phone: '06 12 34 56 78 9' }],
    EMAIL_INVALID: [{ email: 'camille@gmail' }],
    ADDRESS_ANONYMIZED: [{ lastName: 'Deleted' }],
  }
  for (const code of ADDRESS_ERROR_CODES) {
    const [overrides, opts] = triggers[code]
    const issue = checkAddress(addressIn('FR', overrides), opts).issues.find((i) => i.code === code)
    expect(issue?.message, code).toMatch(/^[A-Z].+[.?]$/)
  }
})
