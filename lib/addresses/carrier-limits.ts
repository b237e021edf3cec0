// The length limits an address must meet, as data with their sources. Every parcel goes through
// Cubyn, so Cubyn's limits always apply; a carrier profile can only tighten them.

export type FieldLimits = {
  firstName: number
  lastName: number
  company: number
  street: number
  street2: number
  city: number
  postalCode: number
  email: number
  /** Digits of the phone as exported (see carrierPhoneDigits), country code included. */
  phoneDigits: { min: number; max: number }
}

/** Cubyn order import, "AN1..AN35" etc. (docs/backmarket.md §2.1, S23). */
export const CUBYN_LIMITS: FieldLimits = {
  firstName: 35,
  lastName: 35,
  company: 35,
  street: 35, // "Address line" AN1..35
  street2: 35, // "Additional information" AN1..35
  city: 35,
  postalCode: 8, // AN1..8
  email: 70,
  phoneDigits: { min: 4, max: 13 }, // AN4..13
}

export type CarrierProfile = {
  label: string
  /** Only what is stricter than Cubyn. */
  limits: Partial<Omit<FieldLimits, 'phoneDigits'>>
  /** PHONE_MISSING is an error rather than a warning. */
  phoneRequired: boolean
  /** Colissimo's mobileNumber rules: BE as +324NNNNNNNN, no 123456789-style sequence (S26). */
  colissimoMobile: boolean
}

export const CARRIER_PROFILES = {
  cubyn: { label: 'Cubyn', limits: {}, phoneRequired: false, colissimoMobile: false },
  // Colissimo label web service: firstName A1..29 (docs/backmarket.md §2.2, S26).
  colissimo: { label: 'Colissimo', limits: { firstName: 29 }, phoneRequired: false, colissimoMobile: false },
  // Out-of-home ("HD") delivery: the mobile number is mandatory and must follow the mobile rules (S26).
  'colissimo-relay': { label: 'Colissimo relay', limits: { firstName: 29 }, phoneRequired: true, colissimoMobile: true },
  // UPS city ≤30 (docs/backmarket.md §2.2, S29).
  ups: { label: 'UPS', limits: { city: 30 }, phoneRequired: false, colissimoMobile: false },
} as const satisfies Record<string, CarrierProfile>

export type CarrierProfileId = keyof typeof CARRIER_PROFILES

export function limitsFor(profileId: CarrierProfileId): FieldLimits {
  const stricter: Partial<Omit<FieldLimits, 'phoneDigits'>> = CARRIER_PROFILES[profileId].limits
  const limits = { ...CUBYN_LIMITS }
  for (const [field, max] of Object.entries(stricter) as [keyof typeof stricter, number][]) {
    limits[field] = Math.min(limits[field], max)
  }
  return limits
}
