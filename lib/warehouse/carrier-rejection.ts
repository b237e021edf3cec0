// A carrier's refusal of a shipping address at label creation, as stored on the order
// (Order.carrierRejection) and shown in the Errors tab beside our own checks. Pure and
// client-safe: the list, the fix page and the shipping guard read it the same way.
import { z } from 'zod'
import { ADDRESS_FIELDS, type AddressField } from '@/lib/addresses/address-schema'
import { AppError } from '@/lib/errors'
import type { OrderStatus } from '@/lib/generated/prisma/enums'


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

/**
 * Statuses in which a carrier's refusal blocks the order: a label is made while the order is
 * prepared. Once the parcel has left or the order is cancelled, a late refusal changes nothing.
 */
export const REJECTABLE_STATUSES: readonly OrderStatus[] = ['CREATED', 'VALIDATED', 'PICKING', 'PACKED']

/**
 * The shipping guard: no parcel leaves with an address a carrier refused, until the address is
 * changed (which clears the refusal). The 409 names the rule and the carrier's words.
 */
export function assertNoCarrierRejection(order: { reference: string; carrierRejection: unknown }): void {
  const rejection = parseCarrierRejection(order.carrierRejection)
  if (!rejection) return
  throw new AppError('conflict', {
    message: `order ${order.reference} cannot ship: ${rejection.carrier} refused its address (${rejection.message})`,
    userMessage: `${rejection.carrier} refused this order's address: "${rejection.message}". Fix the address in the Errors tab before shipping.`,
    details: { rule: 'carrier_rejected_address', carrier: rejection.carrier, fields: rejection.fields },
  })
}
