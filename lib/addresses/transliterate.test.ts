import { expect, test } from 'vitest'
import { transliterateName } from '@/lib/addresses/transliterate'

test('transliterates non-Latin words', () => {
  expect(transliterateName('Дмитрий')).toBe('Dmitriy')
  expect(transliterateName('Παπαδόπουλος')).toBe('Papadopoylos')
})

test('capitalises scripts without case', () => {
  expect(transliterateName('محمد')).toBe('Mhmd')
})

test('leaves Latin words, accents included, as they are', () => {
  expect(transliterateName('José Дмитрий')).toBe('José Dmitriy')
})
