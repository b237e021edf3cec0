import { expect, test } from 'vitest'
import { addressIn } from '@/lib/addresses/address-fixtures'
import { checkAddress } from '@/lib/addresses/check-address'

const emailIssues = (email: string | null) => checkAddress(addressIn('FR', { email })).issues

test('Back Market relay aliases and ordinary addresses are valid', () => {
  for (const email of ['shipping_1234_40123456@eu.perso-email.com', 'camille.lefevre+bm@gmail.com', 'j.muller@t-online.de', null]) {
    expect(emailIssues(email), String(email)).toEqual([])
  }
})

test('EMAIL_INVALID, a warning, without "@" or a dot in the domain', () => {
  for (const email of ['camille.lefevre.gmail.com', 'camille@gmail', 'camille @gmail.com', '@gmail.com']) {
    const result = checkAddress(addressIn('FR', { email }))
    expect(result.valid, email).toBe(true)
    expect(result.issues.map((i) => [i.code, i.severity, i.params?.reason]), email).toEqual([['EMAIL_INVALID', 'warning', 'format']])
  }
  expect(emailIssues('camille@gmail')[0]?.message).toBe(
    'Email "camille@gmail" does not look like an email address (name@domain.com). Correct it if you can; the order can still ship.',
  )
})

test('EMAIL_INVALID past 70 characters: 70 pass, 71 warn', () => {
  const at = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`
  expect(emailIssues(at(70))).toEqual([])
  expect(emailIssues(at(71)).map((i) => [i.code, i.severity, i.params?.reason])).toEqual([['EMAIL_INVALID', 'warning', 'length']])
})
