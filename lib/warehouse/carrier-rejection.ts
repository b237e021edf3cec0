// The shipping guard for a carrier's refusal (lib/addresses/carrier-rejection.ts): no parcel
// leaves with an address a carrier refused, until the address is changed (which clears it).
import { parseCarrierRejection } from '@/lib/addresses/carrier-rejection'
import { AppError } from '@/lib/errors'

/** The 409 names the rule and the carrier's words. */
export function assertNoCarrierRejection(order: { reference: string; carrierRejection: unknown }): void {
  const rejection = parseCarrierRejection(order.carrierRejection)
  if (!rejection) return
  throw new AppError('conflict', {
    message: `order ${order.reference} cannot ship: ${rejection.carrier} refused its address (${rejection.message})`,
    userMessage: `${rejection.carrier} refused this order's address: "${rejection.message}". Fix the address in the Errors tab before shipping.`,
    details: { rule: 'carrier_rejected_address', carrier: rejection.carrier, fields: rejection.fields },
  })
}
