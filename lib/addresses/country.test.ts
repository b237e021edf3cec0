import { expect, test } from 'vitest'
import { countryName, isKnownCountry, likelyCountry } from '@/lib/addresses/country'

test('knows the countries we ship to', () => {
  for (const code of ['FR', 'GB', 'DE', 'BE', 'ES', 'IT', 'NL', 'US', 'CH', 'NO', 'PT', 'IE', 'PL']) expect(isKnownCountry(code)).toBe(true)
})

test('rejects codes that are not ISO 3166-1 alpha-2', () => {
  for (const code of ['UK', 'EL', 'XX', 'fr', 'FRA', 'AC', 'TA', '']) expect(isKnownCountry(code)).toBe(false)
})

test('guesses the ISO code behind common mistakes, and nothing else', () => {
  expect(likelyCountry('UK')).toBe('GB')
  expect(likelyCountry('EL')).toBe('GR')
  expect(likelyCountry(' fr')).toBe('FR')
  expect(likelyCountry('XX')).toBeNull()
})

test('names a country in English', () => {
  expect(countryName('DE')).toBe('Germany')
})
