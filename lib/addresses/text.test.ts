import { expect, test } from 'vitest'
import { charLength, cleanText, presentText } from '@/lib/addresses/text'

test('collapses runs of whitespace and trims', () => {
  expect(cleanText('  12  rue\tde la\u00a0Paix \n')).toBe('12 rue de la Paix')
})

test('composes accents, so a decomposed è counts as one character', () => {
  const decomposed = 'Lefe\u0300vre'
  expect(decomposed).toHaveLength(8)
  expect(charLength(cleanText(decomposed))).toBe(7)
})

test('counts characters, not UTF-16 units', () => {
  expect(charLength('𝔸b')).toBe(2)
})

test('blank and absent are both null', () => {
  expect(presentText('   ')).toBeNull()
  expect(presentText(null)).toBeNull()
  expect(presentText(undefined)).toBeNull()
  expect(presentText(' Paris ')).toBe('Paris')
})
