// The editable shipping address: one schema for the edit form (browser) and the API route
// (server), so both accept and reject the same input. It only guarantees shape and sane bounds;
// the shipping rules (35-character lines, postcode formats…) are checkAddress's job, so they come
// back as coded issues with a fix rather than as a bare "invalid". zod/mini: the form ships it to
// the browser.
import * as z from 'zod/mini'
import { plainTextMini } from '@/lib/input/plain-text-mini'
import { ADDRESS_FIELD_LABELS } from './address-fields'

export { ADDRESS_FIELD_LABELS, ADDRESS_FIELDS } from './address-fields'

// Generous bounds that only keep garbage out of the database and the UI: Back Market itself allows
// 254 characters for street and 200 for names and city (docs/backmarket.md §2.3).
const TEXT_MAX = 255
const POSTCODE_MAX = 20
const PHONE_MAX = 32
const EMAIL_MAX = 254

/** Trimmed text; a blank or absent value is null, the one spelling of "none" in the database. */
function optionalText(label: string, max: number) {
  return z.pipe(
    z.nullish(plainTextMini({ error: `${label} must be text` }).check(z.trim(), z.maxLength(max, { error: `${label} must be at most ${max} characters` }))),
    z.transform((v: string | null | undefined) => v || null),
  )
}

export const AddressSchema = z.object({
  company: optionalText(ADDRESS_FIELD_LABELS.company, TEXT_MAX),
  firstName: optionalText(ADDRESS_FIELD_LABELS.firstName, TEXT_MAX),
  lastName: optionalText(ADDRESS_FIELD_LABELS.lastName, TEXT_MAX),
  street: optionalText(ADDRESS_FIELD_LABELS.street, TEXT_MAX),
  street2: optionalText(ADDRESS_FIELD_LABELS.street2, TEXT_MAX),
  postalCode: optionalText(ADDRESS_FIELD_LABELS.postalCode, POSTCODE_MAX),
  city: optionalText(ADDRESS_FIELD_LABELS.city, TEXT_MAX),
  // The column is VARCHAR(2): only the shape is checked here; whether the code names a country
  // is COUNTRY_INVALID's job, with a suggestion ("UK" → "GB").
  country: z.pipe(
    z.nullish(plainTextMini({ error: 'Country must be text' }).check(z.trim(), z.toUpperCase(), z.regex(/^([A-Z]{2})?$/, { error: 'Country must be a two-letter ISO code, e.g. FR' }))),
    z.transform((v: string | null | undefined) => v || null),
  ),
  phone: optionalText(ADDRESS_FIELD_LABELS.phone, PHONE_MAX),
  // No format check: a malformed email is only a warning (EMAIL_INVALID), so it must not block a save.
  email: optionalText(ADDRESS_FIELD_LABELS.email, EMAIL_MAX),
})

export type Address = z.output<typeof AddressSchema>
export type AddressInput = z.input<typeof AddressSchema>
export type AddressField = keyof Address
