// One notion of "the value" for the check and the fixes: what a carrier would print after we
// tidy whitespace. Lengths are counted in Unicode characters, not UTF-16 units, and on the
// composed form, so "Lefèvre" typed with a combining accent still counts 7.

export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

export function charLength(value: string): number {
  return [...value].length
}

/** The cleaned value, or null when nothing is left: blank and missing are the same thing. */
export function presentText(value: string | null | undefined): string | null {
  if (value == null) return null
  const cleaned = cleanText(value)
  return cleaned === '' ? null : cleaned
}
