// Back Market's state codes as data (spec: OrderState, OrderLineState). Payload schemas accept any
// integer so that a code BM adds later does not stop a whole sync; these tables name the known ones.
// The one list of codes: their names for the merchant are messages `orders.states.bm`
// (components/orders/state-labels.ts), checked against these tables by its test.
import type { components } from './openapi.gen'

export const ORDER_STATE = {
  /** Payment / identity checks pending; must not be shipped. Never listed by GET /ws/orders. */
  NEW: 0,
  /** The customer still has time to pay; must not be shipped. */
  PENDING_PAYMENT: 10,
  /** Paid: the merchant accepts or cancels each line ("To accept"). */
  TO_PROCESS: 1,
  /** Every line validated: ship the parcel. */
  TO_SHIP: 3,
  /** Payment failed; ignore. Never listed by GET /ws/orders. */
  NOT_PAID: 8,
  /** Every line final (shipped, cancelled or refunded). */
  PROCESSED: 9,
} as const

export const ORDERLINE_STATE = {
  NEW: 0,
  /** Must be validated by a BM partner before the merchant may accept it. */
  ON_HOLD: 9,
  PENDING_PAYMENT: 8,
  /** Paid; the merchant may move it to ACCEPTED or CANCELLED. */
  TO_ACCEPT: 1,
  /** The merchant may move it to SHIPPED or REFUNDED_BEFORE_SHIPPING. */
  ACCEPTED: 2,
  /** Handed to the carrier; may move to REFUNDED_AFTER_SHIPPING. */
  SHIPPED: 3,
  CANCELLED: 4,
  REFUNDED_BEFORE_SHIPPING: 5,
  REFUNDED_AFTER_SHIPPING: 6,
  /** Payment refused by the bank. */
  NOT_PAID: 7,
} as const

export type OrderStateName = keyof typeof ORDER_STATE
export type OrderState = (typeof ORDER_STATE)[OrderStateName]
export type OrderlineStateName = keyof typeof ORDERLINE_STATE
export type OrderlineState = (typeof ORDERLINE_STATE)[OrderlineStateName]

// Compile-time check that the tables above cover exactly the spec's enums: regenerating
// openapi.gen.ts after BM adds a state breaks the build here instead of drifting silently.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const orderStatesMatchSpec: Same<OrderState, components['schemas']['OrderState']> = true
const orderlineStatesMatchSpec: Same<OrderlineState, components['schemas']['OrderLineState']> = true
void orderStatesMatchSpec
void orderlineStatesMatchSpec

function nameOf<T extends Record<string, number>>(table: T, code: number): keyof T | undefined {
  return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code)
}

/** `TO_PROCESS` for 1; undefined for a code the spec does not know. */
export function orderStateName(code: number): OrderStateName | undefined {
  return nameOf(ORDER_STATE, code)
}

export function orderlineStateName(code: number): OrderlineStateName | undefined {
  return nameOf(ORDERLINE_STATE, code)
}

/** Back Market's ReturnReason codes (docs/backmarket.md §1.5), sent with a refund after shipping. */
export const RETURN_REASONS = [0, 1, 11, 12, 13, 21, 22, 23, 24, 25] as const satisfies readonly components['schemas']['ReturnReason'][]
