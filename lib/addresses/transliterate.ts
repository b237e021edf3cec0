// A Latin spelling of a name written in another script, offered as a suggestion the merchant
// must check: any-ascii is mechanical (山田 reads as Chinese "Shan Tian", not Japanese "Yamada").
// Kept apart from the checks so the check never loads any-ascii's ~500 kB of tables.
import anyAscii from 'any-ascii'
import { hasNonLatinLetters } from './latin-script'

/** Transliterates the words that need it and leaves Latin words, accents included, alone. */
export function transliterateName(value: string): string {
  return value
    .split(' ')
    .map((word) => {
      if (!hasNonLatinLetters(word)) return word
      const latin = anyAscii(word)
      // Scripts without case (Arabic, kana) come out lower-case; a name starts with a capital.
      return latin.charAt(0).toUpperCase() + latin.slice(1)
    })
    .join(' ')
}
