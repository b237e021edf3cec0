import { expect, test } from 'vitest'
import { ADDRESS_FIELDS } from './address-schema'
import { toAddress } from './to-address'

test('keeps every address field of a row, in form order, and nothing else', () => {
  const row = {
    id: 'a1',
    kind: 'CURRENT',
    updatedAt: new Date(),
    ...{ company: 'Acme', firstName: 'Ana', lastName: 'Lopez', street: '1 rue de Rivoli', street2: null, postalCode: '75001' },
    ...{ city: 'Paris', country: 'FR', phone: '+33612345678', email: null },
  }
  const address = toAddress(row)
  expect(Object.keys(address)).toEqual(ADDRESS_FIELDS)
  expect(address).toMatchObject({ street: '1 rue de Rivoli', street2: null, country: 'FR' })
})
