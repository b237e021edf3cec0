// Every text exists in both languages: a key missing in French would show its raw name.
import { IntlMessageFormat } from 'intl-messageformat'
import { expect, test } from 'vitest'
import en from './en'
import fr from './fr'

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

test('French and English have the same keys', () => {
  expect(keys(fr).sort()).toEqual(keys(en).sort())
})

test('no text is empty', () => {
  const empty = (m: object) => keys(m).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) === '')
  expect(empty(en)).toEqual([])
  expect(empty(fr)).toEqual([])
})

test('every text is valid ICU, as next-intl reads it (a bare <key> is an unclosed tag and breaks every page)', () => {
  const invalid = (m: object, locale: string) =>
    keys(m).flatMap((k) => {
      const text = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m)
      try {
        new IntlMessageFormat(String(text), locale)
        return []
      } catch (err) {
        return [`${k}: ${(err as Error).message}`]
      }
    })
  expect(invalid(en, 'en')).toEqual([])
  expect(invalid(fr, 'fr')).toEqual([])
})
