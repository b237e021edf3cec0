// Postcode rules (docs/backmarket.md §2.4): ZIP_MISSING, ZIP_TOO_LONG (Cubyn AN1..8), ZIP_BAD_FORMAT (the
// country's pattern; skipped where postcode-validator has none, rather than invent one).
import { missing, tooLong, type AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'
import { countryName } from './country'
import { canonicalPostcode, isWellFormedPostcode, POSTCODE_EXAMPLES } from './postcode'

export function checkPostcode(ctx: CheckContext): AddressIssue[] {
  const issues: AddressIssue[] = []
  // Cubyn: mandatory; "if null for this country, enter 0" (S23).
  if (!ctx.present('postalCode')) {
    issues.push(missing('ZIP_MISSING', 'postalCode', 'Enter the postcode, or 0 if the destination country has no postcodes.'))
  }
  const over = ctx.overLimit('postalCode')
  if (over) issues.push(tooLong('ZIP_TOO_LONG', 'postalCode', over, 'Remove extra characters, such as a ZIP+4 suffix.'))
  const postcode = ctx.checked('postalCode')
  const country = ctx.country
  if (postcode !== null && country !== null && !isWellFormedPostcode(postcode, country)) {
    issues.push(badFormat(postcode, country))
  }
  return issues
}

function badFormat(postcode: string, country: string): AddressIssue {
  const name = countryName(country)
  const canonical = canonicalPostcode(postcode, country)
  if (canonical !== null) {
    return {
      code: 'ZIP_BAD_FORMAT',
      field: 'postalCode',
      severity: 'error',
      message: `Postcode "${postcode}" is not written the way carriers expect for ${name}. Write it as "${canonical}".`,
      params: { reason: 'spelling', postcode, country, expected: canonical },
    }
  }
  const example = POSTCODE_EXAMPLES[country]
  return {
    code: 'ZIP_BAD_FORMAT',
    field: 'postalCode',
    severity: 'error',
    message: `Postcode "${postcode}" is not a valid postcode for ${name}. Check it with the buyer${example ? `; it should look like ${example}` : ''}.`,
    params: { reason: 'format', postcode, country, ...(example ? { example } : {}) },
  }
}
