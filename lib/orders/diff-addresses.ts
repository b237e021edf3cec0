// Which fields of the address we ship to (CURRENT) differ from what Back Market sent (ORIGINAL),
// so the order page can show the original only when it matters and point at what changed.
import { ADDRESS_FIELDS, type AddressField } from '@/lib/addresses/address-schema'

export type AddressLike = Partial<Record<AddressField, string | null>>

// Back Market sends "" where it means "none"; an edit from "" to null is not a change.
const norm = (v: string | null | undefined) => v ?? ''

export function diffAddresses(original: AddressLike | null, current: AddressLike | null): AddressField[] {
  if (!original || !current) return []
  return ADDRESS_FIELDS.filter((f) => norm(original[f]) !== norm(current[f]))
}
