import { expect, test } from 'vitest'
import { resolveLocale } from './locales'

test('the merchant’s saved choice wins', () => {
  expect(resolveLocale('fr', 'en-GB,en;q=0.9')).toBe('fr')
})

test('without a choice, the browser’s first supported language', () => {
  expect(resolveLocale(undefined, 'de-DE,fr-FR;q=0.8,en;q=0.5')).toBe('fr')
  expect(resolveLocale('xx', 'en-US')).toBe('en')
})

test('English otherwise', () => {
  expect(resolveLocale(undefined, null)).toBe('en')
  expect(resolveLocale(undefined, 'de-DE')).toBe('en')
})
