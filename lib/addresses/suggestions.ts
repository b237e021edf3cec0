// One-click fixes the edit form offers beside a field in error. Each is a guess the merchant
// accepts or not, unlike autoFix; a suggestion is only offered if the fields it changes then
// pass checkAddress, so accepting one never trades an error for another.
import type { AddressErrorCode, AddressIssue } from './address-issues'
import type { Address, AddressField } from './address-schema'
import { limitsFor } from './carrier-limits'
import { checkAddress, type CheckAddressOptions } from './check-address'
import { countryName, isKnownCountry, likelyCountry } from './country'
import { parsePhone } from './phone'
import { canonicalPostcode } from './postcode'
import { splitStreet } from './street-split'
import { presentText } from './text'
import { transliterateName } from './transliterate'

export type AddressSuggestion = {
  field: AddressField
  code: AddressErrorCode
  label: string
  /** Merge into the address to apply the suggestion. */
  value: Partial<Address>
}

type Candidate = Omit<AddressSuggestion, 'field' | 'code'>
type Generator = (address: Address, field: AddressField, opts: CheckAddressOptions) => Candidate[]

const GENERATORS: Partial<Record<AddressErrorCode, Generator>> = {
  NAME_NON_LATIN: nameTransliteration,
  STREET_TOO_LONG: streetSplit,
  ZIP_TOO_LONG: postcodeSpelling,
  ZIP_BAD_FORMAT: postcodeSpelling,
  COUNTRY_INVALID: countryCode,
  PHONE_BAD_FORMAT: phoneFormats,
}

export function suggestFixes(address: Address, issues: AddressIssue[], opts: CheckAddressOptions = {}): AddressSuggestion[] {
  const suggestions: AddressSuggestion[] = []
  const seen = new Set<string>()
  for (const issue of issues) {
    const generate = GENERATORS[issue.code]
    if (!generate || issue.field === 'address') continue
    for (const candidate of generate(address, issue.field, opts)) {
      const key = `${issue.field}:${JSON.stringify(candidate.value)}`
      if (seen.has(key) || !fixesItsFields(address, candidate.value, opts)) continue
      seen.add(key)
      suggestions.push({ field: issue.field, code: issue.code, ...candidate })
    }
  }
  return suggestions
}

function fixesItsFields(address: Address, value: Partial<Address>, opts: CheckAddressOptions): boolean {
  const touched = Object.keys(value)
  const { issues } = checkAddress({ ...address, ...value }, opts)
  return !issues.some((i) => i.severity === 'error' && touched.includes(i.field))
}

function nameTransliteration(address: Address, field: AddressField): Candidate[] {
  const value = presentText(address[field])
  if (value === null) return []
  const latin = transliterateName(value)
  return [{ label: `Transliteration "${latin}": check the spelling with the buyer`, value: { [field]: latin } }]
}

function streetSplit(address: Address, _field: AddressField, opts: CheckAddressOptions): Candidate[] {
  if (address.street === null) return []
  const limits = limitsFor(opts.carrierProfile ?? 'cubyn')
  const lines = splitStreet(address.street, address.street2, Math.min(limits.street, limits.street2))
  if (!lines) return []
  const label = presentText(address.street2) === null ? 'Split into street and street 2' : 'Move the end of the street to the start of street 2'
  return [{ label, value: lines }]
}

function postcodeSpelling(address: Address): Candidate[] {
  const postcode = presentText(address.postalCode)
  const country = address.country
  if (postcode === null || country === null || !isKnownCountry(country)) return []
  // Cubyn takes 8 characters (AN1..8), so a US ZIP+4 must lose its +4 (docs/backmarket.md §2.1).
  const zip5 = country === 'US' ? /^(\d{5})[- ]?\d{4}$/u.exec(postcode)?.[1] : undefined
  if (zip5) return [{ label: `Use the 5-digit ZIP code ${zip5}`, value: { postalCode: zip5 } }]
  const canonical = canonicalPostcode(postcode, country)
  return canonical !== null && canonical !== address.postalCode ? [{ label: `Write it as ${canonical}`, value: { postalCode: canonical } }] : []
}

function countryCode(address: Address): Candidate[] {
  const likely = address.country === null ? null : likelyCountry(address.country)
  return likely ? [{ label: `Use ${likely} (${countryName(likely)})`, value: { country: likely } }] : []
}

function phoneFormats(address: Address): Candidate[] {
  const phone = presentText(address.phone)
  if (phone === null) return []
  const country = address.country !== null && isKnownCountry(address.country) ? address.country : null
  // A number typed with its country code but no "+" ("44 7911 123456") reads as a national one.
  const readings = [phone, phone.startsWith('+') ? null : `+${phone.replace(/\D/gu, '')}`]
  const parsed = readings.flatMap((r) => (r === null ? [] : [parsePhone(r, country)])).find((p) => p?.valid)
  if (!parsed) return []
  return [
    { label: `International format: ${parsed.e164}`, value: { phone: parsed.e164 } },
    { label: `Readable international format: ${parsed.international}`, value: { phone: parsed.international } },
  ]
}
