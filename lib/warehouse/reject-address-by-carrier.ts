// A carrier refused the order's address at label creation (warehouse event order.address_rejected).
// The refusal is stored on the order in the carrier's own words and blocks shipping
// (carrier-rejection.ts) until the address is changed in the Errors tab, which clears it.
//
// A refusal that no longer applies changes nothing, and says why: the parcel has left or the
// order is cancelled, or a later refusal is already stored (refusals may arrive out of order).
// The address's own updatedAt cannot tell "changed after the carrier saw it": an event parked until
// the import would always look older than the address the import just wrote.
import 'server-only'
import { z } from 'zod'
import { fromZodError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { plainText } from '@/lib/input/plain-text'
import { REJECTABLE_STATUSES } from '@/lib/orders/address-blocked'
import { ADDRESS_FIELDS } from '@/lib/addresses/address-schema'
import type { CarrierRejection } from '@/lib/addresses/carrier-rejection'
import { announceAddressCheck } from '@/lib/webhooks/address-error-webhooks'
import { compareAndSetOrder, findFlowOrderOrThrow, pickFlowOrder, type FlowOrder } from './order-transition'
import { withOutbox, type Outbox, type Tx } from './with-outbox'

export const RejectAddressInputSchema = z.object({
  merchantId: z.uuid(),
  reference: z.string(),
  carrier: plainText().trim().min(1, { error: 'Name the carrier' }).max(200),
  message: plainText({ multiline: true }).trim().min(1, { error: 'Give the carrier’s message' }).max(1000),
  fields: z.array(z.enum(ADDRESS_FIELDS)).max(ADDRESS_FIELDS.length).default([]),
  occurredAt: z.coerce.date({ error: 'occurredAt must be a date' }),
})

export type RejectAddressOptions = z.input<typeof RejectAddressInputSchema>

export type RejectAddressResult =
  | { outcome: 'blocked'; order: FlowOrder; rejection: CarrierRejection }
  | { outcome: 'stale'; reason: 'order_closed' | 'newer_rejection' | 'address_changed'; order: FlowOrder }

export async function rejectAddressByCarrier(opts: RejectAddressOptions): Promise<RejectAddressResult> {
  return withOutbox((tx, outbox) => rejectAddressByCarrierIn(tx, outbox, opts))
}

/** rejectAddressByCarrier inside the caller's transaction (the warehouse event processor's). */
export async function rejectAddressByCarrierIn(tx: Tx, _outbox: Outbox, opts: RejectAddressOptions): Promise<RejectAddressResult> {
  const parsed = RejectAddressInputSchema.safeParse(opts)
  if (!parsed.success) throw fromZodError(parsed.error)
  const { merchantId, reference, carrier, message, fields, occurredAt } = parsed.data

  const found = await findFlowOrderOrThrow(tx, { merchantId, reference }, {})
  const order = pickFlowOrder(found)
  if (!REJECTABLE_STATUSES.includes(order.status)) return { outcome: 'stale', reason: 'order_closed', order }
  if (found.carrierRejectedAt && found.carrierRejectedAt > occurredAt) return { outcome: 'stale', reason: 'newer_rejection', order }
  // Refused before the merchant's new address lifted the last refusal: about the old address.
  if (found.carrierRejectionLiftedAt && found.carrierRejectionLiftedAt >= occurredAt) return { outcome: 'stale', reason: 'address_changed', order }

  const rejection: CarrierRejection = { carrier, message, fields, at: occurredAt.toISOString() }
  const saved = await compareAndSetOrder(tx, {
    order,
    data: { carrierRejection: rejection as Prisma.InputJsonObject, carrierRejectedAt: occurredAt },
  })
  // address_error.opened, unless the order was already blocked (our checks, an earlier refusal).
  const named = Object.fromEntries(fields.map((f) => [f, [message]]))
  await announceAddressCheck(tx, { order: saved, before: found, after: { addressIssues: found.addressIssues, carrierRejection: rejection }, fields: named })
  return { outcome: 'blocked', order: saved, rejection }
}
