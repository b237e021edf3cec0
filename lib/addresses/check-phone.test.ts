import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress, type CheckAddressOptions } from '@/lib/addresses/check-address'

const phoneIssues = (address: Address, opts?: CheckAddressOptions) => checkAddress(address, opts).issues.filter((i) => i.field === 'phone')
const relay = { carrierProfile: 'colissimo-relay' } as const

test('PHONE_MISSING is a warning by default', () => {
  const result = checkAddress(addressIn('FR', { phone: null }))
  expect(result.valid).toBe(true)
  expect(result.issues).toEqual([
    { code: 'PHONE_MISSING', field: 'phone', severity: 'warning', message: "No phone number. Add the buyer's mobile number: carriers use it to arrange delivery." },
  ])
})

test('PHONE_MISSING is an error for Colissimo relay delivery', () => {
  const result = checkAddress(addressIn('FR', { phone: ' ' }), relay)
  expect(result.valid).toBe(false)
  expect(result.issues).toMatchObject([{ code: 'PHONE_MISSING', severity: 'error', message: expect.stringContaining('Colissimo relay needs') }])
})

test('national, spaced, dotted and international spellings are all fine', () => {
  for (const phone of ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78', '+447911123456']) {
    expect(phoneIssues(addressIn('FR', { phone })), phone).toEqual([])
  }
})

test('PHONE_BAD_FORMAT for a number with a digit too many, or no number at all', () => {
  for (const phone of ['06 12 34 56 78 9', '12', 'call me']) {
    expect(phoneIssues(addressIn('FR', { phone })).map((i) => [i.code, i.severity, i.params?.reason]), phone).toEqual([
      ['PHONE_BAD_FORMAT', 'error', 'invalid'],
    ])
  }
  expect(phoneIssues(addressIn('FR', { phone: 'call me' }))[0]?.message).toBe(
    'Phone "call me" is not a valid number for France. Correct it, or enter it in international format (+…).',
  )
})

test('PHONE_BAD_FORMAT reads a national number in the address country', () => {
  // A French mobile written nationally on a Belgian address is not a Belgian number.
  expect(phoneIssues(addressIn('BE', { phone: '06 12 34 56 78' })).map((i) => i.code)).toEqual(['PHONE_BAD_FORMAT'])
  expect(phoneIssues(addressIn('BE', { phone: '+33 6 12 34 56 78' }))).toEqual([])
})

test("Cubyn's 13 digits: a German mobile fits, a 15-digit number does not", () => {
  expect(phoneIssues(addressIn('DE', { phone: '+49 1511 2345678' }))).toEqual([])
  const [issue] = phoneIssues(addressIn('FR', { country: 'AT', postalCode: '1010', city: 'Wien', phone: '+43 664 1234567890' }))
  expect(issue).toMatchObject({ code: 'PHONE_BAD_FORMAT', params: { reason: 'length', digits: 15, min: 4, max: 13 } })
  expect(issue?.message).toBe('Phone "+43 664 1234567890" has 15 digits with its country code; Cubyn accepts 4 to 13. Use another number, such as a mobile.')
})

test('a national number is not checked without a country, an international one is', () => {
  expect(phoneIssues(addressIn('FR', { country: null, phone: '06 12 34 56 78 9' }))).toEqual([])
  expect(phoneIssues(addressIn('FR', { country: null, phone: '+33 6 12 34 56 78 9' })).map((i) => i.code)).toEqual(['PHONE_BAD_FORMAT'])
})

test('Colissimo relay wants a Belgian mobile, +32 4…', () => {
  expect(phoneIssues(addressIn('BE'), relay)).toEqual([])
  const [issue] = phoneIssues(addressIn('BE', { phone: '02 123 45 67' }), relay)
  expect(issue).toMatchObject({ code: 'PHONE_BAD_FORMAT', params: { reason: 'mobile' } })
  expect(phoneIssues(addressIn('BE', { phone: '02 123 45 67' }))).toEqual([])
})

test('Colissimo relay rejects a 1-2-3 placeholder number that Cubyn lets through', () => {
  const placeholder = addressIn('FR', { phone: '01 23 45 67 89' })
  expect(phoneIssues(placeholder)).toEqual([])
  expect(phoneIssues(placeholder, relay).map((i) => i.params?.reason)).toEqual(['sequence'])
})
