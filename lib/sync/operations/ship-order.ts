// parcel_update, part 2: ship the parcel on Back Market (new_state 3 with the tracking number).
// Every line moves together. Read-back first when the task may have run before: a parcel
// already shipped on Back Market is never shipped twice.
import 'server-only'
import { z } from 'zod'
import type { BackMarketClient } from '@/lib/backmarket/client'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { recordAttempt, syncCall, type SyncCallContext } from '../sync-call'
import type { OperationResult, SyncOrder } from './types'

export const ShipPayloadSchema = z.object({
  trackingNumber: z.string().min(1).max(200),
  trackingUrl: z.string().url().max(300).optional(),
  shipper: z.string().max(200).optional(),
  dateShipping: z.coerce.date().optional(),
  /** Only for an order of one line of quantity 1 (lib/warehouse/ship-order.ts decides). */
  imei: z.string().regex(/^[0-9]{15}$/).optional(),
  serialNumber: z.string().min(1).max(50).optional(),
})
export type ShipPayload = z.infer<typeof ShipPayloadSchema>

/** Line states after which there is nothing left to ship: shipped, refunded, cancelled, unpaid. */
const DONE = new Set([3, 4, 5, 6, 7])
const SHIPPED = new Set([3, 6])

function shipped(bm: BmOrder): boolean {
  return bm.orderlines.length > 0 && bm.orderlines.every((l) => DONE.has(l.state)) && bm.orderlines.some((l) => SHIPPED.has(l.state))
}

export async function shipOrderOnBackMarket(opts: {
  ctx: SyncCallContext
  client: BackMarketClient
  order: SyncOrder
  payload: ShipPayload
  readBackFirst: boolean
}): Promise<OperationResult> {
  const { ctx, client, order, payload } = opts
  const path = `/ws/orders/${order.reference}`
  if (opts.readBackFirst) {
    const before = await syncCall(ctx, { method: 'GET', path }, () => client.getOrder(order.reference))
    if (shipped(before)) {
      await recordAttempt(ctx, { method: 'GET', path, outcome: 'ALREADY_APPLIED', httpStatus: 200, durationMs: 0, message: 'Back Market already had the parcel shipped: nothing was sent.' })
      return { outcome: 'already_applied', verified: true, bmOrder: before }
    }
  }
  const request = { order_id: order.reference, new_state: 3, tracking_number: payload.trackingNumber, tracking_url: payload.trackingUrl ?? null, shipper: payload.shipper ?? null, ...(payload.imei ? { imei: payload.imei } : {}), ...(payload.serialNumber ? { serial_number: payload.serialNumber } : {}) }
  const written = await syncCall(ctx, { method: 'POST', path, request }, () => client.shipOrder(order.reference, payload))
  let after: BmOrder | null = null
  try {
    after = await syncCall(ctx, { method: 'GET', path }, () => client.getOrder(order.reference))
  } catch {
    // The write succeeded; only its confirmation is missing.
  }
  return { outcome: 'applied', verified: after !== null && shipped(after), bmOrder: after ?? written }
}
