// The address form's values as typed and the address they parse to: shared by the form (browser)
// and its page (server), which checks the stored address once so that the form's first render
// needs no carrier rules (use-address-check.ts loads those on the first edit).
import type { z } from 'zod/mini'
import { ADDRESS_FIELDS, AddressSchema, type Address, type AddressField } from '@/lib/addresses/address-schema'

export type FormValues = Record<AddressField, string>

export function toFormValues(address: Partial<Record<AddressField, string | null>> | null): FormValues {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address?.[f] ?? ''])) as FormValues
}

/** Each field through the route's schema; a refused field is kept as typed (trimmed), with why. */
export function parseFormAddress(values: FormValues): { address: Address; refused: Partial<Record<AddressField, z.core.$ZodIssue[]>> } {
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
