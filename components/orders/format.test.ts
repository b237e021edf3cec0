import { createFormatter } from 'next-intl'
import { expect, test } from 'vitest'
import { formatDateTime, formatMoney } from './format'

// The formatter's zone is the reader's (next-intl's, from the request): dates come out in it, named.
const en = createFormatter({ locale: 'en', timeZone: 'Europe/Paris' })
const fr = createFormatter({ locale: 'fr', timeZone: 'Europe/Paris' })

test('dates and times in the reader’s language and zone, the zone named', () => {
  expect(formatDateTime(fr, '2026-11-26T09:16:00Z')).toBe('26 nov. 2026, 10:16 UTC+1')
  expect(formatDateTime(en, new Date('2026-11-26T09:16:00Z'))).toBe('Nov 26, 2026, 10:16 GMT+1')
  expect(formatDateTime(createFormatter({ locale: 'en', timeZone: 'UTC' }), '2026-11-26T09:16:00Z')).toBe('Nov 26, 2026, 09:16 UTC')
  // Late evening in New York is already the next day in UTC.
  expect(formatDateTime(createFormatter({ locale: 'en', timeZone: 'America/New_York' }), '2026-11-27T02:30:00Z')).toBe('Nov 26, 2026, 21:30 EST')
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
