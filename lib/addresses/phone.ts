// Phone numbers are read with libphonenumber-js, the address country being the region a
// national number ("06 12 34 56 78") belongs to.
//
// We use its default "min" metadata on purpose: validity is then judged on the length for the
// country (plus leading digits), not on every number range. PHONE_BAD_FORMAT blocks a shipment,
// and an outdated range table must not block a real, newly allocated number; a missing or extra
// digit, which is what actually breaks delivery, is still caught.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'
import { isKnownCountry } from './country'

export type ParsedPhone = {
  /** +33612345678 */
  e164: string
  /** +33 6 12 34 56 78 */
  international: string
  /** "33": the country calling code. */
  callingCode: string
  /** 612345678: the national significant number. */
  nationalNumber: string
  valid: boolean
}

/** Null when the text is not a phone number at all, or is national while the country is unknown. */
export function parsePhone(phone: string, country: string | null): ParsedPhone | null {
  const region = country !== null && isKnownCountry(country) ? (country as CountryCode) : undefined
  const parsed = parsePhoneNumberFromString(phone, region)
  if (!parsed) return null
  return {
    e164: parsed.number,
    international: parsed.formatInternational(),
    callingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    valid: parsed.isValid(),
  }
}

/**
 * The phone as we send it to Cubyn: country code and number, digits only ("33612345678").
 *
 * Cubyn allows AN4..13 (docs/backmarket.md §2.1). The "+" would count as a character, and then a valid German
 * mobile (+49 1511 2345678, 14 characters) would fail; national digits would fit more numbers but
 * drop the country code, so a UK mobile on a French address could no longer be dialled. E.164
 * without the "+" is unambiguous and fits every valid number of the EU, UK, CH, NO and the US
 * except a few long fixed lines, which a 13-character field cannot hold in any form.
 */
export function carrierPhoneDigits(phone: ParsedPhone): string {
  return phone.e164.slice(1)
}

/** Colissimo rejects mobile numbers whose digits run 1-2-3-4… (S26): a placeholder, not a phone. */
export function isIncrementalSequence(digits: string): boolean {
  if (digits.length < 6) return false
  return [...digits].every((d, i) => i === 0 || Number(d) === (Number(digits[i - 1]) + 1) % 10)
}
