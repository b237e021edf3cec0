// PICKING → PACKED: the parcel is closed and waits for the carrier. Past this point the order can
// no longer be cancelled on our side (order-flow.ts).
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'

export async function markPacked(opts: FlowOptions): Promise<FlowOrder> {
  return db.$transaction(async (tx) => {
    const order = await findFlowOrderOrThrow(tx, opts, {})
    return transitionOrder(tx, { order: pickFlowOrder(order), to: 'PACKED', expectedVersion: opts.expectedVersion })
  })
}
