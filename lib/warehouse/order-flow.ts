// Our warehouse flow as data. Every status change goes through this table (inside the write, as a
// compare-and-set), so "can this order move?" has one answer for the UI, the API and the simulator.
import { AppError } from '@/lib/errors'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-states'

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  CREATED: ['VALIDATED', 'CANCELLED'],
  VALIDATED: ['PICKING', 'CANCELLED'],
  // Once packed the parcel exists: stopping it is a return, not a cancellation.
  PICKING: ['PACKED', 'CANCELLED'],
  PACKED: ['IN_TRANSIT'],
  IN_TRANSIT: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to)
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return
  throw new AppError('conflict', {
    message: `order status cannot change from ${from} to ${to}`,
    userMessage: `This order is ${ORDER_STATUS_LABELS[from].toLowerCase()}; it cannot be moved to ${ORDER_STATUS_LABELS[to].toLowerCase()}.`,
    details: { from, to },
  })
}
