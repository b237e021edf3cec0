import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress, type CheckAddressOptions } from '@/lib/addresses/check-address'

function codesOf(address: Address, opts?: CheckAddressOptions) {
  return checkAddress(address, opts).issues.map((i) => `${i.code}:${i.field}`)
}

test('STREET_MISSING when the street is absent or blank', () => {
  expect(codesOf(addressIn('ES', { street: null }))).toEqual(['STREET_MISSING:street'])
  expect(codesOf(addressIn('ES', { street: '   ' }))).toEqual(['STREET_MISSING:street'])
  expect(checkAddress(addressIn('ES', { street: null })).issues[0]?.message).toBe('Street is missing. Enter the house number and street name.')
})

test('STREET_TOO_LONG: 35 characters pass, 36 fail', () => {
  expect(codesOf(addressIn('FR', { street: '1'.padEnd(35, 'x') }))).toEqual([])
  expect(codesOf(addressIn('FR', { street: '1'.padEnd(36, 'x') }))).toEqual(['STREET_TOO_LONG:street'])
})

test('STREET_TOO_LONG on a real Back Market street points to street 2', () => {
  const [issue] = checkAddress(addressIn('FR', { street: '27 avenue du Maréchal de Lattre de Tassigny' })).issues
  expect(issue).toMatchObject({ code: 'STREET_TOO_LONG', severity: 'error', params: { length: 43, max: 35 } })
  expect(issue?.message).toBe('Street is 43 characters long; Cubyn accepts at most 35. Split it across Street and Street 2 (at most 35 characters each).')
})

test('doubled spaces do not count against the limit', () => {
  expect(codesOf(addressIn('FR', { street: `12  rue${' '.repeat(10)}de la Paix` }))).toEqual([])
})

test('STREET2_TOO_LONG: 35 characters pass, 36 fail', () => {
  expect(codesOf(addressIn('IT', { street2: 'Scala B'.padEnd(35, '.') }))).toEqual([])
  expect(codesOf(addressIn('IT', { street2: 'Scala B'.padEnd(36, '.') }))).toEqual(['STREET2_TOO_LONG:street2'])
})

test('CITY_MISSING when the city is absent', () => {
  expect(codesOf(addressIn('NL', { city: null }))).toEqual(['CITY_MISSING:city'])
})

test('CITY_TOO_LONG: 35 characters pass, 36 fail', () => {
  expect(codesOf(addressIn('FR', { city: 'S'.repeat(35) }))).toEqual([])
  expect(codesOf(addressIn('FR', { city: 'S'.repeat(36) }))).toEqual(['CITY_TOO_LONG:city'])
})

test('CITY_TOO_LONG on a real commune name, and UPS allows only 30', () => {
  const city = 'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson' // 45
  expect(codesOf(addressIn('FR', { postalCode: '51290', city }))).toEqual(['CITY_TOO_LONG:city'])
  const ups = { carrierProfile: 'ups' } as const
  expect(codesOf(addressIn('FR', { city: 'C'.repeat(30) }), ups)).toEqual([])
  const [issue] = checkAddress(addressIn('FR', { city: 'C'.repeat(31) }), ups).issues
  expect(issue).toMatchObject({ code: 'CITY_TOO_LONG', params: { length: 31, max: 30, limitBy: 'UPS' } })
})
