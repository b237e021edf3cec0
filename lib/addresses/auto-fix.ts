// The silent fixes of docs/backmarket.md §2.4 ("auto-fix first, and don't raise an error when it succeeds"):
// each changes only the form of a value, never its meaning, so nobody needs to confirm it.
// Pure and idempotent: autoFix(autoFix(x).address) applies nothing.
import { ADDRESS_FIELDS, type Address, type AddressField } from './address-schema'
import { CUBYN_LIMITS } from './carrier-limits'
import { isKnownCountry } from './country'
import { parsePhone } from './phone'
import { canonicalPostcode } from './postcode'
import { splitStreet } from './street-split'
import { presentText } from './text'

export type AutoFixKind = 'whitespace' | 'country-case' | 'phone-e164' | 'postcode-format' | 'street-overflow'

export type AutoFix = { kind: AutoFixKind; field: AddressField; from: string | null; to: string | null }

export function autoFix<A extends Address>(address: A): { address: A; applied: AutoFix[] } {
  const next: Address = { ...address }
  const applied: AutoFix[] = []
  const set = (kind: AutoFixKind, field: AddressField, to: string | null) => {
    if (next[field] === to) return
    applied.push({ kind, field, from: next[field], to })
    next[field] = to
  }

  // Blank lines and doubled spaces cost characters and mean nothing; blank means absent.
  for (const field of ADDRESS_FIELDS) set('whitespace', field, presentText(next[field]))

  const upper = next.country?.toUpperCase()
  if (upper !== undefined && isKnownCountry(upper)) set('country-case', 'country', upper)
  const country = next.country !== null && isKnownCountry(next.country) ? next.country : null

  // "06 12 34 56 78" is 14 characters, over Cubyn's 13, until normalised (docs/backmarket.md §2.3).
  if (next.phone !== null) {
    const phone = parsePhone(next.phone, country)
    if (phone?.valid) set('phone-e164', 'phone', phone.e164)
  }

  if (next.postalCode !== null && country !== null) {
    const canonical = canonicalPostcode(next.postalCode, country)
    if (canonical !== null) set('postcode-format', 'postalCode', canonical)
  }

  if (next.street !== null) {
    const lines = splitStreet(next.street, next.street2, Math.min(CUBYN_LIMITS.street, CUBYN_LIMITS.street2))
    if (lines) {
      set('street-overflow', 'street', lines.street)
      set('street-overflow', 'street2', lines.street2)
    }
  }

  return { address: { ...address, ...next }, applied }
}
