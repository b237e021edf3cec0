import { expect, test } from 'vitest'
import { localeAfterSignIn, resolveLocale } from './locales'

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

test('signing in keeps the language this browser chose, else takes the account’s', () => {
  expect(localeAfterSignIn('en', 'fr')).toBe('en')
  expect(localeAfterSignIn(undefined, 'fr')).toBe('fr')
  expect(localeAfterSignIn('xx', 'fr')).toBe('fr')
  expect(localeAfterSignIn(undefined, 'de')).toBeNull()
  expect(localeAfterSignIn(undefined, null)).toBeNull()
})
