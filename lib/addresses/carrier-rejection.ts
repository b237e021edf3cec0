// A carrier's refusal of a shipping address at label creation, as stored on the order
// (Order.carrierRejection) and shown in the Errors tab beside our own checks. Pure and
// client-safe: the list, the fix page, the API and the shipping guard read it the same way.
import { z } from 'zod'
import { ADDRESS_FIELDS, type AddressField } from './address-schema'

export const CarrierRejectionSchema = z.object({
  carrier: z.string(),
  /** The carrier's own words, shown as they came. */
  message: z.string(),
  /** The address fields it named, highlighted on the fix page (a field we do not know is dropped). */
  fields: z.array(z.string()).transform((fs) => fs.filter((f): f is AddressField => (ADDRESS_FIELDS as string[]).includes(f))),
  /** When the carrier refused it (ISO date-time). */
  at: z.string(),
})
export type CarrierRejection = z.output<typeof CarrierRejectionSchema>

/** The stored rejection, or null when there is none (or it cannot be read). */
export function parseCarrierRejection(stored: unknown): CarrierRejection | null {
  const r = CarrierRejectionSchema.safeParse(stored)
  return r.success ? r.data : null
}
