// Cancelling one order line on Back Market (docs/backmarket.md §1.6): the line's state decides the
// call. Before acceptance it is a cancellation (1 → 4); accepted, a refund before shipping
// (2 → 5); shipped, a refund after shipping (3 → 6), which needs a return reason. Lines already in
// a final cancelled, refunded or unpaid state have nothing left to cancel; lines Back Market has
// not released (0, 8, 9) cannot be touched by the seller.
import { ORDERLINE_STATE } from './states'

export type CancelState = typeof ORDERLINE_STATE.CANCELLED | typeof ORDERLINE_STATE.REFUNDED_BEFORE_SHIPPING | typeof ORDERLINE_STATE.REFUNDED_AFTER_SHIPPING

const BY_LINE_STATE: ReadonlyMap<number, CancelState> = new Map([
  [ORDERLINE_STATE.TO_ACCEPT, ORDERLINE_STATE.CANCELLED],
  [ORDERLINE_STATE.ACCEPTED, ORDERLINE_STATE.REFUNDED_BEFORE_SHIPPING],
  [ORDERLINE_STATE.SHIPPED, ORDERLINE_STATE.REFUNDED_AFTER_SHIPPING],
])

const ENDED: ReadonlySet<number> = new Set([
  ORDERLINE_STATE.CANCELLED,
  ORDERLINE_STATE.REFUNDED_BEFORE_SHIPPING,
  ORDERLINE_STATE.REFUNDED_AFTER_SHIPPING,
  ORDERLINE_STATE.NOT_PAID,
])

/** The new_state that cancels a line in `lineState`; null when the seller cannot cancel it from there. */
export function cancelStateFor(lineState: number): CancelState | null {
  return BY_LINE_STATE.get(lineState) ?? null
}

/** The line is cancelled, refunded or unpaid for good: there is nothing left to cancel. */
export function isLineEnded(lineState: number): boolean {
  return ENDED.has(lineState)
}

/** Back Market asks why when it refunds a parcel already sent. */
export function needsReturnReason(state: CancelState): boolean {
  return state === ORDERLINE_STATE.REFUNDED_AFTER_SHIPPING
}
