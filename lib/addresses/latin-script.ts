// Cubyn accepts names in Latin script only (docs/backmarket.md §2.1, S23). Accented Latin letters (è, ü, ñ,
// ø, ß, ł) are Latin script; digits, punctuation and spaces belong to no script and are fine.
// Only letters of another script (Cyrillic, Greek, Arabic, CJK, kana…) break the rule.

const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u

export function hasNonLatinLetters(value: string): boolean {
  return NON_LATIN_LETTER.test(value)
}

/** The distinct offending letters, to show the merchant what is wrong ("Д, м, и"). */
export function nonLatinLetters(value: string): string[] {
  return [...new Set([...value].filter((c) => NON_LATIN_LETTER.test(c)))]
}
