// VALIDATED → PICKING: the warehouse starts collecting the items. Nothing to tell Back Market:
// for it the order stays "waiting for fulfillment" until the parcel ships.
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import type { Tx } from './with-outbox'

export async function startPicking(opts: FlowOptions): Promise<FlowOrder> {
  return db.$transaction((tx) => startPickingIn(tx, opts))
}

/** startPicking inside the caller's transaction (the warehouse event processor's). */
export async function startPickingIn(tx: Tx, opts: FlowOptions): Promise<FlowOrder> {
  const order = await findFlowOrderOrThrow(tx, opts, {})
  return transitionOrder(tx, { order: pickFlowOrder(order), to: 'PICKING', expectedVersion: opts.expectedVersion })
}
