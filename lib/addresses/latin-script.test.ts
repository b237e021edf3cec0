import { expect, test } from 'vitest'
import { hasNonLatinLetters, nonLatinLetters } from '@/lib/addresses/latin-script'

test('accented Latin, digits and punctuation are Latin enough', () => {
  for (const name of ['Lefèvre', 'Müller', 'Nuñez', 'Øster', 'Straße', 'Łukasz', "O'Brien-Smith", 'SARL Dupont & Fils 2', 'Lefe\u0300vre']) {
    expect(hasNonLatinLetters(name), name).toBe(false)
  }
})

test('Cyrillic, Greek, Arabic and CJK are not', () => {
  for (const name of ['Дмитрий', 'Παπαδόπουλος', 'محمد', '山田', '김민준', 'ジョーンズ', 'Anna Иванова']) {
    expect(hasNonLatinLetters(name), name).toBe(true)
  }
})

test('lists each offending letter once', () => {
  expect(nonLatinLetters('Anna Анна')).toEqual(['А', 'н', 'а'])
})
