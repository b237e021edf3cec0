// Back Market's order status hierarchy (docs/backmarket.md §1.6): To accept → Waiting for fulfillment →
// Fulfilled, one way only. An "order status error" means Back Market's line is not where our
// update can start from; this says where each side is and what the merchant can do about it.
export type HierarchyStage = 'to_accept' | 'waiting_for_fulfillment' | 'fulfilled'
export const HIERARCHY: readonly HierarchyStage[] = ['to_accept', 'waiting_for_fulfillment', 'fulfilled']

/** Where a Back Market order line is: on the path, before it (payment), or off it for good. */
export type LineStage = HierarchyStage | 'awaiting_payment' | 'cancelled' | 'unknown'

export function lineStage(state: number): LineStage {
  switch (state) {
    case 1:
      return 'to_accept'
    case 2:
      return 'waiting_for_fulfillment'
    case 3:
      return 'fulfilled'
    case 0:
    case 8:
    case 9:
      return 'awaiting_payment'
    case 4: // cancelled
    case 5: // refunded before shipping
    case 6: // refunded after shipping
    case 7: // not paid
      return 'cancelled'
    default:
      return 'unknown'
  }
}

/** Where our update takes Back Market: accepting → waiting for fulfillment; shipping → fulfilled. */
export function targetStage(action: 'accept' | 'ship'): HierarchyStage {
  return action === 'accept' ? 'waiting_for_fulfillment' : 'fulfilled'
}

/** Back Market's order on the path: its least advanced line still alive; cancelled when none is. */
export function orderStage(lineStates: readonly number[]): LineStage {
  const stages = lineStates.map(lineStage)
  if (stages.length === 0) return 'unknown'
  const alive = stages.filter((s) => s !== 'cancelled')
  if (alive.length === 0) return 'cancelled'
  if (alive.includes('awaiting_payment')) return 'awaiting_payment'
  if (alive.includes('unknown')) return 'unknown'
  const rank = (s: LineStage) => HIERARCHY.indexOf(s as HierarchyStage)
  return alive.reduce((a, b) => (rank(b) < rank(a) ? b : a))
}

export type StatusAdvice =
  /** Back Market already has what we were sending: "Check again" closes the error. */
  | 'already_there'
  /** A line was cancelled or refunded on Back Market: restore it there, or stop the order here. */
  | 'restore_on_backmarket'
  /** The customer's payment is not confirmed: wait for Back Market. */
  | 'wait_for_payment'
  /** Move the order along on Back Market (e.g. accept before shipping), then check again. */
  | 'move_on_backmarket'
  /** Nothing blocks the update any more: re-sync. */
  | 'resync'

export type LineOnBackMarket = { sku: string; state: number }

// Line states from which each update is allowed, or which already include it (refunded after
// shipping counts as shipped: the parcel left).
const STARTS: Record<'accept' | 'ship', ReadonlySet<number>> = { accept: new Set([1]), ship: new Set([2]) }
const DONE: Record<'accept' | 'ship', ReadonlySet<number>> = { accept: new Set([2, 3, 6]), ship: new Set([3, 6]) }

export function adviseStatusError(opts: { action: 'accept' | 'ship'; lines: readonly LineOnBackMarket[] }): {
  advice: StatusAdvice
  blocking: (LineOnBackMarket & { stage: LineStage })[]
} {
  const { action, lines } = opts
  const blocking = lines.filter((l) => !STARTS[action].has(l.state) && !DONE[action].has(l.state)).map((l) => ({ ...l, stage: lineStage(l.state) }))
  if (lines.length > 0 && lines.every((l) => DONE[action].has(l.state))) return { advice: 'already_there', blocking }
  if (blocking.some((l) => l.stage === 'cancelled')) return { advice: 'restore_on_backmarket', blocking }
  if (blocking.some((l) => l.stage === 'awaiting_payment')) return { advice: 'wait_for_payment', blocking }
  if (blocking.length > 0) return { advice: 'move_on_backmarket', blocking }
  return { advice: 'resync', blocking }
}
