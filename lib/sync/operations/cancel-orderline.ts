// parcel_update for one cancelled line: cancel it on Back Market (new_state 4), or refund it (5
// before shipping, 6 after, with the return reason). The state the line had when the warehouse
// cancelled it chose the call; Back Market's live state wins when it moved since (the ACCEPT of
// the order, or its shipping, ran in between), so the call is the one Back Market can take. Read
// first whenever the task may have run before: a line already ended is not cancelled twice.
import 'server-only'
import { z } from 'zod'
import { cancelStateFor, isLineEnded, needsReturnReason } from '@/lib/backmarket/cancel-transition'
import type { BackMarketClient } from '@/lib/backmarket/client'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { recordAttempt, syncCall, type SyncCallContext } from '../sync-call'
import { SyncDataError } from '../sync-data-error'
import type { OperationResult, SyncOrder } from './types'

export const CancelPayloadSchema = z.object({
  /** Back Market's orderline id (digits: a bigint as text). */
  orderlineId: z.string().regex(/^[0-9]+$/),
  /** The line's listing SKU when it was cancelled, for the record; the call uses its current mapping. */
  sku: z.string().min(1),
  newState: z.union([z.literal(4), z.literal(5), z.literal(6)]),
  returnReason: z.number().int().optional(),
  returnMessage: z.string().min(1).max(500).optional(),
})
export type CancelPayload = z.infer<typeof CancelPayloadSchema>

export async function cancelOrderlineOnBackMarket(opts: {
  ctx: SyncCallContext
  client: BackMarketClient
  order: SyncOrder
  payload: CancelPayload
  readBackFirst: boolean
}): Promise<OperationResult> {
  const { ctx, client, order, payload } = opts
  const path = `/ws/orders/${order.reference}`
  const line = order.lines.find((l) => l.bmOrderlineId === payload.orderlineId)
  if (!line) throw new SyncDataError('missing_record', 'Something this update needs no longer exists on our side: nothing was sent to Back Market.')

  let newState = payload.newState
  let latest: BmOrder | null = null
  if (opts.readBackFirst) {
    latest = await syncCall(ctx, { method: 'GET', path }, () => client.getOrder(order.reference))
    const live = latest.orderlines.find((l) => String(l.id) === line.bmOrderlineId)?.state
    if (live !== undefined && isLineEnded(live)) {
      await recordAttempt(ctx, { method: 'GET', path, outcome: 'ALREADY_APPLIED', httpStatus: 200, durationMs: 0, sku: line.sku, message: 'Back Market already had this line cancelled or refunded: nothing was sent.' })
      return { outcome: 'already_applied', verified: true, bmOrder: latest }
    }
    newState = (live !== undefined ? cancelStateFor(live) : null) ?? newState
  }
  if (needsReturnReason(newState) && payload.returnReason === undefined) {
    throw new SyncDataError(
      'cancel_needs_return_reason',
      `Line ${line.sku} has shipped: Back Market refunds it only with a return reason, and the cancellation gave none. Nothing was sent to Back Market.`,
      { params: { sku: line.sku } },
    )
  }

  const input = { sku: line.sku, newState, returnReason: payload.returnReason, returnMessage: payload.returnMessage }
  const request = { order_id: order.reference, new_state: newState, sku: line.sku, return_reason: payload.returnReason ?? null, return_message: payload.returnMessage ?? null }
  latest = await syncCall(ctx, { method: 'POST', path, request, sku: line.sku }, () => client.cancelOrderline(order.reference, input))

  // The read-back: Back Market has the line in the state we asked for. A failed read is not a failed sync.
  const after = await syncCall(ctx, { method: 'GET', path }, () => client.getOrder(order.reference)).catch(() => null)
  const state = after?.orderlines.find((l) => String(l.id) === line.bmOrderlineId)?.state
  return { outcome: 'applied', verified: state === newState, bmOrder: after ?? latest }
}
