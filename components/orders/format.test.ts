import { createFormatter } from 'next-intl'
import { expect, test } from 'vitest'
import { formatDateTime, formatMoney } from './format'

// The request's time zone is Paris: dates must still come out in UTC, as their label says.
const en = createFormatter({ locale: 'en', timeZone: 'Europe/Paris' })
const fr = createFormatter({ locale: 'fr', timeZone: 'Europe/Paris' })

test('dates and times in the merchant’s language, in UTC and labelled so', () => {
  expect(formatDateTime(fr, '2026-11-26T09:16:00Z')).toBe('26 nov. 2026, 09:16 UTC')
  expect(formatDateTime(en, new Date('2026-11-26T09:16:00Z'))).toBe('Nov 26, 2026, 09:16 UTC')
  expect(formatDateTime(fr, null)).toBe('—')
})

test('money with the currency where the language puts it', () => {
  expect(formatMoney(en, '229.00', 'EUR')).toBe('€229.00')
  expect(formatMoney(fr, '229.00', 'EUR')).toBe('229,00\u00a0€')
  expect(formatMoney(fr, '1229.5', 'GBP')).toMatch(/^1\u202f229,50\u00a0£/)
})

test('missing or malformed amounts and currencies show what there is', () => {
  expect(formatMoney(en, null, 'EUR')).toBe('—')
  expect(formatMoney(en, '12.00', null)).toBe('12.00')
  expect(formatMoney(en, '12.00', 'euro')).toBe('12.00 euro')
})
