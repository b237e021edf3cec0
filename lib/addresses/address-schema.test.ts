import { expect, test } from 'vitest'
import { AddressSchema, type AddressInput } from '@/lib/addresses/address-schema'

const form: AddressInput = {
  company: '',
  firstName: '  Camille ',
  lastName: 'Lefèvre',
  street: '12 rue de la Paix',
  street2: '   ',
  postalCode: '75002',
  city: 'Paris',
  country: ' fr ',
  phone: '06 12 34 56 78',
  email: 'shipping_1234_40123456@eu.perso-email.com',
}

function fieldErrors(input: unknown) {
  const result = AddressSchema.safeParse(input)
  if (result.success) throw new Error('expected the schema to reject the input')
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

test('trims, turns blanks into null and upper-cases the country', () => {
  expect(AddressSchema.parse(form)).toEqual({
    company: null,
    firstName: 'Camille',
    lastName: 'Lefèvre',
    street: '12 rue de la Paix',
    street2: null,
    postalCode: '75002',
    city: 'Paris',
    country: 'FR',
    phone: '06 12 34 56 78',
    email: 'shipping_1234_40123456@eu.perso-email.com',
  })
})

test('absent and null fields are null, so a JSON body may leave them out', () => {
  expect(AddressSchema.parse({ lastName: 'Müller', country: null })).toMatchObject({ firstName: null, lastName: 'Müller', country: null, phone: null })
})

test('leaves the shipping rules to checkAddress: a 40-character street and a bad email parse', () => {
  const parsed = AddressSchema.parse({ ...form, street: 'x'.repeat(40), email: 'not-an-email' })
  expect(parsed.street).toHaveLength(40)
  expect(parsed.email).toBe('not-an-email')
})

test('a country that is not two letters is rejected with a message naming the field', () => {
  expect(fieldErrors({ ...form, country: 'France' })).toEqual([{ path: 'country', message: 'Country must be a two-letter ISO code, e.g. FR' }])
})

test('over-long values are rejected with a message naming the field', () => {
  expect(fieldErrors({ ...form, street: 'x'.repeat(256), phone: '0'.repeat(33) })).toEqual([
    { path: 'street', message: 'Street must be at most 255 characters' },
    { path: 'phone', message: 'Phone must be at most 32 characters' },
  ])
})

test('a non-text value is rejected with a message naming the field', () => {
  expect(fieldErrors({ ...form, postalCode: 75002 })).toEqual([{ path: 'postalCode', message: 'Postcode must be text' }])
})

test('length bounds apply after trimming', () => {
  expect(AddressSchema.parse({ ...form, street: ` ${'x'.repeat(255)} ` }).street).toHaveLength(255)
})
