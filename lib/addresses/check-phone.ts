// Phone rules (docs/backmarket.md §2.4): PHONE_MISSING, a warning unless the carrier service needs the number,
// and PHONE_BAD_FORMAT. Spaces, dots and dashes are not errors: the number is parsed first and
// its length measured as we export it (see carrierPhoneDigits).
import type { AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'
import { countryName } from './country'
import { carrierPhoneDigits, isIncrementalSequence, parsePhone } from './phone'

// Colissimo mobileNumber for Belgium: exactly +324NNNNNNNN (S26).
const BELGIAN_MOBILE = /^\+324\d{8}$/

export function checkPhone(ctx: CheckContext): AddressIssue[] {
  const phone = ctx.checked('phone')
  if (!ctx.present('phone')) {
    // Cubyn: optional but "highly recommended" (S23); mandatory for Colissimo out-of-home (S26).
    return ctx.profile.phoneRequired
      ? [{ code: 'PHONE_MISSING', field: 'phone', severity: 'error', message: `Phone is missing. ${ctx.profile.label} needs the buyer's mobile number for this delivery: add it.` }]
      : [{ code: 'PHONE_MISSING', field: 'phone', severity: 'warning', message: "No phone number. Add the buyer's mobile number: carriers use it to arrange delivery." }]
  }
  if (phone === null) return []
  // A national number cannot be read without a country; COUNTRY_INVALID already says so.
  if (ctx.country === null && !phone.startsWith('+')) return []

  const parsed = parsePhone(phone, ctx.country)
  if (!parsed || !parsed.valid) {
    const where = ctx.country ? ` for ${countryName(ctx.country)}` : ''
    return [bad(`Phone "${phone}" is not a valid number${where}. Correct it, or enter it in international format (+…).`, { reason: 'invalid', phone })]
  }
  const digits = carrierPhoneDigits(parsed).length
  const { min, max } = ctx.limits.phoneDigits
  if (digits < min || digits > max) {
    return [
      bad(`Phone "${phone}" has ${digits} digits with its country code; Cubyn accepts ${min} to ${max}. Use another number, such as a mobile.`, {
        reason: 'length',
        phone,
        digits,
        min,
        max,
      }),
    ]
  }
  if (ctx.profile.colissimoMobile && parsed.callingCode === '32' && !BELGIAN_MOBILE.test(parsed.e164)) {
    return [bad(`${ctx.profile.label} needs a Belgian mobile number (+32 4…); "${phone}" is not one. Ask the buyer for a mobile number.`, { reason: 'mobile', phone })]
  }
  if (ctx.profile.colissimoMobile && isIncrementalSequence(parsed.nationalNumber)) {
    return [bad(`Phone "${phone}" looks like a placeholder and ${ctx.profile.label} rejects it. Ask the buyer for their real number.`, { reason: 'sequence', phone })]
  }
  return []
}

function bad(message: string, params: Record<string, string | number>): AddressIssue {
  return { code: 'PHONE_BAD_FORMAT', field: 'phone', severity: 'error', message, params }
}
