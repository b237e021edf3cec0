// What every address rule reads: the cleaned values, the limits in force and the country, worked
// out once per check.
import { ADDRESS_FIELDS, type Address, type AddressField } from './address-schema'
import { CARRIER_PROFILES, CUBYN_LIMITS, limitsFor, type CarrierProfile, type CarrierProfileId, type FieldLimits } from './carrier-limits'
import { isKnownCountry } from './country'
import { charLength, presentText } from './text'

/** Back Market's GDPR anonymisation writes "Deleted" into personal fields (docs/backmarket.md §2.3, S6). */
export const ANONYMISED_VALUE = 'Deleted'

type LengthLimitedField = Exclude<keyof FieldLimits, 'phoneDigits'>

export type CheckContext = {
  profile: CarrierProfile
  limits: FieldLimits
  /** Fields reading "Deleted": they count as filled in but are not checked further. */
  anonymised: AddressField[]
  /** The address country when it is a known ISO code, else null. */
  country: string | null
  present: (field: AddressField) => boolean
  /** The cleaned value to check, or null when blank or anonymised. */
  checked: (field: AddressField) => string | null
  /** The length and limit of a field when it is over its limit, else null. */
  overLimit: (field: LengthLimitedField) => { length: number; max: number; limitBy: string } | null
}

export function makeCheckContext(address: Address, profileId: CarrierProfileId): CheckContext {
  const profile = CARRIER_PROFILES[profileId]
  const limits = limitsFor(profileId)
  const values = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, presentText(address[f])])) as Record<AddressField, string | null>
  const anonymised = ADDRESS_FIELDS.filter((f) => values[f] === ANONYMISED_VALUE)
  const checked = (field: AddressField) => (anonymised.includes(field) ? null : values[field])
  const country = checked('country')
  return {
    profile,
    limits,
    anonymised,
    country: country !== null && isKnownCountry(country) ? country : null,
    present: (field) => values[field] !== null,
    checked,
    overLimit: (field) => {
      const value = checked(field)
      if (value === null || charLength(value) <= limits[field]) return null
      const limitBy = limits[field] < CUBYN_LIMITS[field] ? profile.label : CARRIER_PROFILES.cubyn.label
      return { length: charLength(value), max: limits[field], limitBy }
    },
  }
}
