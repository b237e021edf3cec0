// IN_TRANSIT → DELIVERED, when the carrier reports the delivery. Back Market has no "delivered"
// state for a seller to set (line state 3 is final for us), so no sync task.
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import type { Tx } from './with-outbox'

type MarkDeliveredOptions = FlowOptions & { deliveredAt?: Date }

export async function markDelivered(opts: MarkDeliveredOptions): Promise<FlowOrder> {
  return db.$transaction((tx) => markDeliveredIn(tx, opts))
}

/** markDelivered inside the caller's transaction (the warehouse event processor's). */
export async function markDeliveredIn(tx: Tx, opts: MarkDeliveredOptions): Promise<FlowOrder> {
  const order = await findFlowOrderOrThrow(tx, opts, {})
  return transitionOrder(tx, {
    order: pickFlowOrder(order),
    to: 'DELIVERED',
    expectedVersion: opts.expectedVersion,
    data: { deliveredAt: opts.deliveredAt ?? new Date() },
  })
}
