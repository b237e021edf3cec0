// COUNTRY_INVALID (docs/backmarket.md §2.4): Cubyn needs an ISO 3166-1 alpha-2 code (S23).
import type { AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'
import { countryName, likelyCountry } from './country'

export function checkCountry(ctx: CheckContext): AddressIssue[] {
  if (ctx.country !== null || ctx.anonymised.includes('country')) return []
  const value = ctx.checked('country')
  if (value === null) {
    return [{ code: 'COUNTRY_INVALID', field: 'country', severity: 'error', message: 'Country is missing. Choose the destination country.' }]
  }
  const likely = likelyCountry(value)
  const advice = likely ? `Did you mean ${likely} (${countryName(likely)})?` : 'Use the two-letter ISO code, e.g. FR, DE or GB.'
  return [
    {
      code: 'COUNTRY_INVALID',
      field: 'country',
      severity: 'error',
      message: `Country "${value}" is not a country code carriers accept. ${advice}`,
      params: { country: value, ...(likely ? { expected: likely } : {}) },
    },
  ]
}
