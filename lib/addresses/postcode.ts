// Postcode formats per country. postcode-validator holds the patterns; we add where the space
// goes in the canonical spelling, so "sw1a1aa" and "75 001" can be rewritten by changing only
// case and spacing, never by guessing a digit.
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator'

// Characters after the single space in the canonical form; 0 = written without spaces.
// GB/JE/GG/IM/CA: outward + inward code (Royal Mail, S31; Canada Post). NL "1012 AB" (PostNL).
// SE/CZ/SK/GR "123 45". FR "75001": Colissimo zipCode AN5, no space (S26, docs/backmarket.md §2.4).
const SPACE_BEFORE_LAST: Record<string, number> = {
  GB: 3, JE: 3, GG: 3, IM: 3, CA: 3, IE: 4,
  NL: 2, SE: 2, CZ: 2, SK: 2, GR: 2,
  FR: 0, MC: 0, DE: 0, AT: 0, CH: 0, LI: 0, BE: 0, LU: 0, IT: 0, ES: 0, PT: 0,
  DK: 0, NO: 0, FI: 0, US: 0,
}

/** Example shown in messages, for the countries we ship to most. */
export const POSTCODE_EXAMPLES: Record<string, string> = {
  FR: '75001', GB: 'SW1A 1AA', DE: '10115', BE: '1000', ES: '28001', IT: '00184', NL: '1012 AB', US: '10001',
  AT: '1010', CH: '8001', PT: '1000-001', IE: 'D02 X285', LU: '1009', DK: '1050', SE: '111 22', PL: '00-950',
}

/** False where postcode-validator has no pattern: we skip the rule rather than invent one. */
export function hasPostcodeFormat(country: string): boolean {
  // "UK" and "INTL" are keys of the library, not ISO countries.
  return /^[A-Z]{2}$/.test(country) && country !== 'UK' && postcodeValidatorExistsForCountry(country)
}

/** The canonical spelling if one exists by fixing case and spaces only, else null. */
export function canonicalPostcode(postcode: string, country: string): string | null {
  const after = SPACE_BEFORE_LAST[country]
  if (after === undefined || !hasPostcodeFormat(country)) return null
  const compact = postcode.toUpperCase().replace(/\s+/gu, '')
  const spaced = after === 0 || compact.length <= after ? compact : `${compact.slice(0, -after)} ${compact.slice(-after)}`
  return postcodeValidator(spaced, country) ? spaced : null
}

/** Valid for the country and, where we know it, in its canonical spelling. */
export function isWellFormedPostcode(postcode: string, country: string): boolean {
  if (!hasPostcodeFormat(country)) return true
  if (!postcodeValidator(postcode, country)) return false
  const canonical = canonicalPostcode(postcode, country)
  return canonical === null || canonical === postcode
}
