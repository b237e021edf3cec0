// PICKING → PACKED: the parcel is closed and waits for the carrier. Past this point the order can
// no longer be cancelled on our side (order-flow.ts).
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import type { Tx } from './with-outbox'

export async function markPacked(opts: FlowOptions): Promise<FlowOrder> {
  return db.$transaction((tx) => markPackedIn(tx, opts))
}

/** markPacked inside the caller's transaction (the warehouse event processor's). */
export async function markPackedIn(tx: Tx, opts: FlowOptions): Promise<FlowOrder> {
  const order = await findFlowOrderOrThrow(tx, opts, {})
  return transitionOrder(tx, { order: pickFlowOrder(order), to: 'PACKED', expectedVersion: opts.expectedVersion })
}
