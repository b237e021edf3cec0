import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import type { Address } from '@/lib/addresses/address-schema'
import { checkAddress, type CheckAddressOptions } from '@/lib/addresses/check-address'

function issuesOf(address: Address, opts?: CheckAddressOptions) {
  return checkAddress(address, opts).issues.map((i) => ({ code: i.code, field: i.field, severity: i.severity }))
}

test('NAME_MISSING for each missing name when there is no company', () => {
  expect(issuesOf(addressIn('FR', { firstName: null }))).toEqual([{ code: 'NAME_MISSING', field: 'firstName', severity: 'error' }])
  expect(issuesOf(addressIn('DE', { firstName: '  ', lastName: null }))).toEqual([
    { code: 'NAME_MISSING', field: 'firstName', severity: 'error' },
    { code: 'NAME_MISSING', field: 'lastName', severity: 'error' },
  ])
})

test('NAME_MISSING says what to do', () => {
  expect(checkAddress(addressIn('FR', { lastName: null })).issues[0]?.message).toBe(
    "Last name is missing. Add the recipient's last name, or fill in Company for a business address.",
  )
})

test('no NAME_MISSING for a business address with a company and no person', () => {
  expect(issuesOf(addressIn('BE', { company: 'Refurb SPRL', firstName: null, lastName: null }))).toEqual([])
})

test('NAME_TOO_LONG: 35 characters pass, 36 fail, for first name, last name and company', () => {
  for (const field of ['firstName', 'lastName', 'company'] as const) {
    expect(issuesOf(addressIn('FR', { [field]: 'A'.repeat(35) })), field).toEqual([])
    expect(issuesOf(addressIn('FR', { [field]: 'A'.repeat(36) })), field).toEqual([{ code: 'NAME_TOO_LONG', field, severity: 'error' }])
  }
})

test('NAME_TOO_LONG counts accented letters as one character', () => {
  expect(issuesOf(addressIn('FR', { lastName: `${'é'.repeat(34)}e` }))).toEqual([])
})

test('NAME_TOO_LONG gives the length, the limit and whose limit it is', () => {
  const company = 'Établissements Lefèvre et Fils SARL 1' // 37
  const [issue] = checkAddress(addressIn('FR', { company })).issues
  expect(issue).toMatchObject({ code: 'NAME_TOO_LONG', field: 'company', params: { length: 37, max: 35, limitBy: 'Cubyn' } })
  expect(issue?.message).toBe('Company is 37 characters long; Cubyn accepts at most 35. Shorten it, e.g. drop the legal form (SAS, GmbH, Ltd).')
})

test('Colissimo allows 29 characters of first name', () => {
  const colissimo = { carrierProfile: 'colissimo' } as const
  expect(issuesOf(addressIn('FR', { firstName: 'A'.repeat(29) }), colissimo)).toEqual([])
  const [issue] = checkAddress(addressIn('FR', { firstName: 'Marie-Thérèse Anne-Sophie Lucie' }), colissimo).issues // 31
  expect(issue).toMatchObject({ code: 'NAME_TOO_LONG', field: 'firstName', params: { length: 31, max: 29, limitBy: 'Colissimo' } })
  expect(issuesOf(addressIn('FR', { firstName: 'Marie-Thérèse Anne-Sophie Lucie' }))).toEqual([])
})

test('accented Latin names pass the Latin-only rule', () => {
  for (const lastName of ['Lefèvre', 'Müller', 'Nuñez', 'Øster', 'Łukaszewicz', 'Ó Súilleabháin']) {
    expect(issuesOf(addressIn('FR', { lastName })), lastName).toEqual([])
  }
})

test('NAME_NON_LATIN for Cyrillic, CJK, Arabic and Greek names', () => {
  for (const lastName of ['Иванова', '山田', 'الحسن', 'Παπαδόπουλος']) {
    expect(issuesOf(addressIn('DE', { lastName })), lastName).toEqual([{ code: 'NAME_NON_LATIN', field: 'lastName', severity: 'error' }])
  }
})

test('NAME_NON_LATIN names the letters and applies to the company too', () => {
  const [issue] = checkAddress(addressIn('FR', { company: 'ООО Ромашка' })).issues
  expect(issue).toMatchObject({ code: 'NAME_NON_LATIN', field: 'company', params: { characters: 'О, Р, о, м, а' } })
  expect(issue?.message).toBe('Company uses letters the carrier cannot print (О, Р, о, м, а). Write it in Latin letters, as the buyer would spell it.')
})
