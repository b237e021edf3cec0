import { expect, test } from 'vitest'
import { diffAddresses } from '@/lib/orders/diff-addresses'

const original = { firstName: 'Camille', lastName: 'Martin', street: '12 rue de la Paix', street2: '', postalCode: '75002', city: 'Paris', country: 'FR' }

test('an untouched copy has no differences', () => {
  expect(diffAddresses(original, { ...original })).toEqual([])
})

test('names each edited field, in address order', () => {
  expect(diffAddresses(original, { ...original, city: 'PARIS', street: '12 Rue de la Paix' })).toEqual(['street', 'city'])
})

test('empty string and null mean the same "none"', () => {
  expect(diffAddresses(original, { ...original, street2: null })).toEqual([])
  expect(diffAddresses(original, { ...original, street2: 'Bât. B' })).toEqual(['street2'])
})

test('nothing to compare when either side is missing', () => {
  expect(diffAddresses(null, original)).toEqual([])
  expect(diffAddresses(original, null)).toEqual([])
})
