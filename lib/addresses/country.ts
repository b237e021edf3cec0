// Which country codes we accept: ISO 3166-1 alpha-2 (Cubyn, docs/backmarket.md §2.1). libphonenumber-js
// ships the list in the browser bundle already, so we reuse it rather than keep our own.
import { isSupportedCountry } from 'libphonenumber-js/min'

// libphonenumber-js also knows two ITU-only codes that are not ISO 3166-1 countries.
const NOT_ISO = new Set(['AC', 'TA'])

// Codes people type that are not ISO but have an obvious ISO equivalent.
const COMMON_ALIASES: Record<string, string> = {
  UK: 'GB', // the United Kingdom's ISO code is GB
  EL: 'GR', // the EU's code for Greece
}

export function isKnownCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_ISO.has(code) && isSupportedCountry(code)
}

/** The ISO code a mistyped country most likely means ("fr" → FR, "UK" → GB), or null. */
export function likelyCountry(code: string): string | null {
  const upper = code.trim().toUpperCase()
  const candidate = COMMON_ALIASES[upper] ?? upper
  return isKnownCountry(candidate) ? candidate : null
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** "France" for FR; falls back to the code itself. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}
