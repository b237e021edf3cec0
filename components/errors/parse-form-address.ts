// The address form's values through the route's schema (zod/mini): run by the page on the server
// for the stored address, and loaded by the form on its first edit (use-address-check.ts).
import type { z } from 'zod/mini'
import { ADDRESS_FIELDS, AddressSchema, type Address, type AddressField } from '@/lib/addresses/address-schema'
import type { FormValues } from './address-form-values'

export type ParsedFormAddress = { address: Address; refused: Partial<Record<AddressField, z.core.$ZodIssue[]>> }

/** Each field through the route's schema; a refused field is kept as typed (trimmed), with why. */
export function parseFormAddress(values: FormValues): ParsedFormAddress {
  const address = {} as Address
  const refused: Partial<Record<AddressField, z.core.$ZodIssue[]>> = {}
  for (const field of ADDRESS_FIELDS) {
    const parsed = AddressSchema.shape[field].safeParse(values[field])
    if (parsed.success) address[field] = parsed.data
    else {
      refused[field] = parsed.error.issues
      // Still checked as typed, so the other fields' messages do not depend on this one's typo.
      address[field] = values[field].trim() || null
    }
  }
  return { address, refused }
}
