// How an order imported from Back Market enters our warehouse flow, and how later changes on
// Back Market move it. Our status is ours: Back Market can only cancel an order we have not
// shipped; everything else it says is kept as its own state beside ours.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

/** Orderline states after which a line will never ship: cancelled, refunded, not paid. */
const DEAD_LINE_STATES = new Set([4, 5, 7])
/** Orderline states meaning the parcel left (shipped, or refunded after shipping). */
const SHIPPED_LINE_STATES = new Set([3, 6])

export function initialStatus(lineStates: readonly number[]): OrderStatus {
  if (lineStates.length > 0 && lineStates.every((s) => DEAD_LINE_STATES.has(s))) return 'CANCELLED'
  // Shipped before it reached us (e.g. fulfilled by hand on Back Market): nothing left to do.
  if (lineStates.some((s) => SHIPPED_LINE_STATES.has(s))) return 'IN_TRANSIT'
  // Accepted on Back Market already: the sale is confirmed, the warehouse can prepare it.
  if (lineStates.some((s) => s === 2)) return 'VALIDATED'
  return 'CREATED'
}

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['CREATED', 'VALIDATED', 'PICKING'])

/** Our next status after Back Market reports new line states; unchanged unless Back Market cancelled every line. */
export function statusAfterBackMarketChange(current: OrderStatus, lineStates: readonly number[]): OrderStatus {
  const allDead = lineStates.length > 0 && lineStates.every((s) => DEAD_LINE_STATES.has(s))
  return allDead && CANCELLABLE.has(current) ? 'CANCELLED' : current
}
