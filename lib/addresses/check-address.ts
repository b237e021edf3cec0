// checkAddress: every address-error rule of docs/backmarket.md §2.4, in the taxonomy's order, against the
// limits of Cubyn and, optionally, a stricter carrier. Pure and browser-safe: the edit form runs
// it as the merchant types, the server runs it before validating the order.
import { fieldLabel, type AddressIssue } from './address-issues'
import type { Address } from './address-schema'
import type { CarrierProfileId } from './carrier-limits'
import { makeCheckContext, type CheckContext } from './check-context'
import { checkCountry } from './check-country'
import { checkEmail } from './check-email'
import { checkLines } from './check-lines'
import { checkNames } from './check-names'
import { checkPhone } from './check-phone'
import { checkPostcode } from './check-postcode'

export type CheckAddressOptions = {
  /** Defaults to 'cubyn': the limits every parcel must meet. */
  carrierProfile?: CarrierProfileId
}

export type AddressCheck = {
  /** False when any issue is an error; warnings alone leave the address valid. */
  valid: boolean
  issues: AddressIssue[]
}

export function checkAddress(address: Address, opts: CheckAddressOptions = {}): AddressCheck {
  const ctx = makeCheckContext(address, opts.carrierProfile ?? 'cubyn')
  const issues = [
    ...checkNames(ctx),
    ...checkLines(ctx),
    ...checkPostcode(ctx),
    ...checkCountry(ctx),
    ...checkPhone(ctx),
    ...checkEmail(ctx),
    ...checkAnonymised(ctx),
  ]
  return { valid: !issues.some((i) => i.severity === 'error'), issues }
}

// One issue for the whole address: nothing the merchant edits field by field can fix it.
function checkAnonymised(ctx: CheckContext): AddressIssue[] {
  if (ctx.anonymised.length === 0) return []
  const fields = ctx.anonymised.map(fieldLabel).join(', ')
  return [
    {
      code: 'ADDRESS_ANONYMIZED',
      field: 'address',
      severity: 'error',
      message: `Back Market has anonymised this address (${fields}: "Deleted"), so the order cannot ship. Ask Back Market support for the buyer's address, or cancel the order.`,
      params: { fields: ctx.anonymised.join(',') },
    },
  ]
}
