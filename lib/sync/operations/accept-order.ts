// parcel_update, part 1: accept the sale of each line on Back Market (new_state 2 with its SKU).
// When the task may have run before (a retry, a crash, a re-sync), Back Market's order is read
// first and lines it already accepted are skipped: Back Market has no idempotency key, so this
// read is what keeps a retried accept from being sent twice.
import 'server-only'
import type { BackMarketClient } from '@/lib/backmarket/client'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { recordAttempt, syncCall, type SyncCallContext } from '../sync-call'
import type { OperationResult, SyncOrder } from './types'

/** Orderline states at or past "accepted": 2 accepted, 3 shipped, 6 refunded after shipping. */
const ACCEPTED_OR_LATER = new Set([2, 3, 6])

export async function acceptOrderOnBackMarket(opts: {
  ctx: SyncCallContext
  client: BackMarketClient
  order: SyncOrder
  readBackFirst: boolean
}): Promise<OperationResult> {
  const { ctx, client, order } = opts
  const path = `/ws/orders/${order.reference}`
  let before: BmOrder | null = null
  if (opts.readBackFirst) before = await syncCall(ctx, { method: 'GET', path }, () => client.getOrder(order.reference))

  let latest: BmOrder | null = before
  let sent = 0
  for (const line of order.lines) {
    const bmLine = before?.orderlines.find((l) => String(l.id) === line.bmOrderlineId)
    if (bmLine && ACCEPTED_OR_LATER.has(bmLine.state)) continue
    // Our SKU, as the warehouse knows it: when it no longer matches Back Market's, Back Market
    // answers 404 and the merchant sees why.
    const request = { order_id: order.reference, new_state: 2, sku: line.sku }
    latest = await syncCall(ctx, { method: 'POST', path, request, sku: line.sku }, () => client.acceptOrderline(order.reference, line.sku))
    sent++
  }

  if (sent === 0) {
    await recordAttempt(ctx, { method: 'GET', path, outcome: 'ALREADY_APPLIED', httpStatus: 200, durationMs: 0, message: 'Back Market already had the sale accepted: nothing was sent.' })
    return { outcome: 'already_applied', verified: true, bmOrder: latest }
  }
  const after = await verify(ctx, client, order)
  return { outcome: 'applied', verified: after !== null && linesAccepted(after, order), bmOrder: after ?? latest }
}

function linesAccepted(bm: BmOrder, order: SyncOrder): boolean {
  return order.lines.every((line) => {
    const bmLine = bm.orderlines.find((l) => String(l.id) === line.bmOrderlineId)
    return bmLine !== undefined && ACCEPTED_OR_LATER.has(bmLine.state)
  })
}

/** The read-back that turns "Back Market said OK" into "Back Market has it". A failed read is not a failed sync. */
async function verify(ctx: SyncCallContext, client: BackMarketClient, order: SyncOrder): Promise<BmOrder | null> {
  try {
    return await syncCall(ctx, { method: 'GET', path: `/ws/orders/${order.reference}` }, () => client.getOrder(order.reference))
  } catch {
    return null
  }
}
