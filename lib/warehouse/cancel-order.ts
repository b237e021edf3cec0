// Cancels the order in our warehouse (from CREATED, VALIDATED or PICKING; order-flow.ts).
// Our side only: telling Back Market about a merchant-initiated cancel (new_state 4 per line
// before acceptance, 5 after) is not done yet, so the merchant must also cancel it on Back
// Market. A cancel that comes FROM Back Market arrives through the import instead.
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'

export async function cancelOrder(opts: FlowOptions): Promise<FlowOrder> {
  return db.$transaction(async (tx) => {
    const order = await findFlowOrderOrThrow(tx, opts, {})
    return transitionOrder(tx, { order: pickFlowOrder(order), to: 'CANCELLED', expectedVersion: opts.expectedVersion })
  })
}
