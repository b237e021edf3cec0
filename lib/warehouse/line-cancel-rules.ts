// What cancelling one order line means, from the line's Back Market state and our order's status
// (docs/backmarket.md §1.6). Pure: the warehouse operation and its tests share it.
import { cancelStateFor, isLineEnded, needsReturnReason, type CancelState } from '@/lib/backmarket/cancel-transition'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { canTransition } from './order-flow'

export type LineCancelPlan =
  /** Tell Back Market: cancel (4), refund before shipping (5) or after (6). */
  | { action: 'send'; newState: CancelState }
  /** Back Market already has the line cancelled, refunded or unpaid: ours follows, nothing to send. */
  | { action: 'already_ended' }
  | { action: 'refuse'; rule: 'line_not_released' | 'return_reason_required' }

/** Our parcel has left: whatever our copy of the line's state says, cancelling it now is a refund after shipping. */
const SHIPPED: ReadonlySet<OrderStatus> = new Set(['IN_TRANSIT', 'DELIVERED'])

export function planLineCancel(opts: { lineState: number; orderStatus: OrderStatus; hasReturnReason: boolean }): LineCancelPlan {
  if (isLineEnded(opts.lineState)) return { action: 'already_ended' }
  // Our copy of the line may lag (the SHIP task not run yet): the parcel leaving decides.
  const byState = cancelStateFor(opts.lineState)
  const newState = byState !== null && SHIPPED.has(opts.orderStatus) ? 6 : byState
  if (newState === null) return { action: 'refuse', rule: 'line_not_released' }
  if (needsReturnReason(newState) && !opts.hasReturnReason) return { action: 'refuse', rule: 'return_reason_required' }
  return { action: 'send', newState }
}

/**
 * Our order once a line is cancelled: CANCELLED when no line is left to prepare and our flow allows
 * it (order-flow.ts). A packed, shipped or delivered order keeps its status: the parcel exists (a
 * return, not a cancellation), and its lines' refunds are Back Market's business.
 */
export function orderStatusAfterLineCancel(status: OrderStatus, linesLeft: number): OrderStatus {
  return linesLeft === 0 && canTransition(status, 'CANCELLED') ? 'CANCELLED' : status
}
