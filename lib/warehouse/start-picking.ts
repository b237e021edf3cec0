// VALIDATED → PICKING: the warehouse starts collecting the items. Nothing to tell Back Market:
// for it the order stays "waiting for fulfillment" until the parcel ships.
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'

export async function startPicking(opts: FlowOptions): Promise<FlowOrder> {
  return db.$transaction(async (tx) => {
    const order = await findFlowOrderOrThrow(tx, opts, {})
    return transitionOrder(tx, { order: pickFlowOrder(order), to: 'PICKING', expectedVersion: opts.expectedVersion })
  })
}
