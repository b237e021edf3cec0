// The address form's values as typed, without zod: the form's first JavaScript. Parsing them
// through the route's schema is parse-form-address.ts, which the form loads on its first edit
// (the page parses and checks the stored address on the server for the first render).
import { ADDRESS_FIELDS } from '@/lib/addresses/address-fields'
import type { Address, AddressField } from '@/lib/addresses/address-schema'

export type FormValues = Record<AddressField, string>

export function toFormValues(address: Partial<Record<AddressField, string | null>> | null): FormValues {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address?.[f] ?? ''])) as FormValues
}

/** The values trimmed, blank as null: what the schema makes of text it accepts, for the moments
 * between a first edit and the schema's arrival. */
export function trimFormValues(values: FormValues): Address {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, values[f].trim() || null])) as Address
}
