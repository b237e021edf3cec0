// IN_TRANSIT → DELIVERED, when the carrier reports the delivery. Back Market has no "delivered"
// state for a seller to set (line state 3 is final for us), so no sync task.
import 'server-only'
import { db } from '@/lib/db'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'

export async function markDelivered(opts: FlowOptions & { deliveredAt?: Date }): Promise<FlowOrder> {
  return db.$transaction(async (tx) => {
    const order = await findFlowOrderOrThrow(tx, opts, {})
    return transitionOrder(tx, {
      order: pickFlowOrder(order),
      to: 'DELIVERED',
      expectedVersion: opts.expectedVersion,
      data: { deliveredAt: opts.deliveredAt ?? new Date() },
    })
  })
}
