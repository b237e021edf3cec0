// The orderline state machine of docs/backmarket.md §1.6 as data. Everything the seller may do through
// POST /ws/orders/{id} is one row here; the rest (0, 7, 8, 9 …) is set by Back Market only.
import type { LineState, OrderState } from './types'

export const LINE_STATES: readonly LineState[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]

export const LINE_TRANSITIONS: Readonly<Record<LineState, readonly LineState[]>> = {
  0: [],
  1: [2, 4],
  2: [3, 5],
  3: [6],
  4: [],
  5: [],
  6: [],
  7: [],
  8: [],
  9: [],
}

// Lines that will never move again; an order whose lines are all final is processed (9).
export const FINAL_LINE_STATES: readonly LineState[] = [3, 4, 5, 6, 7]

export function isLineState(n: number): n is LineState {
  return (LINE_STATES as readonly number[]).includes(n)
}

export function canTransition(from: LineState, to: number): boolean {
  return (LINE_TRANSITIONS[from] as readonly number[]).includes(to)
}

export function isFinal(state: LineState): boolean {
  return FINAL_LINE_STATES.includes(state)
}

/**
 * The order state follows its lines (docs/backmarket.md §1.6): 1 while a line waits for acceptance, 3 once
 * none does and one waits for shipment, 9 once every line is final. States Back Market sets
 * before payment (0, 10, 8) come from lines that are still 0 / 8 / all 7; anything else (e.g.
 * lines on hold in 9) keeps the current order state.
 */
export function deriveOrderState(lines: readonly LineState[], current: OrderState): OrderState {
  if (lines.includes(1)) return 1
  if (lines.includes(2)) return 3
  if (lines.length > 0 && lines.every((s) => s === 7)) return 8
  if (lines.length > 0 && lines.every(isFinal)) return 9
  if (lines.includes(0)) return 0
  if (lines.includes(8)) return 10
  return current
}

// The line state a freshly created order's lines start in, given the order state asked for.
export function initialLineState(orderState: OrderState): LineState {
  const byOrder: Record<OrderState, LineState> = { 0: 0, 10: 8, 8: 7, 1: 1, 3: 2, 9: 3 }
  return byOrder[orderState]
}
