// Our warehouse statuses and Back Market's state codes. The dashboard shows them in the merchant's
// language from messages/<locale>/orders.json (`orders.states`, see
// components/orders/state-labels.ts); the English names below are for texts that the API and the
// sync engine write (error messages, pre-flight details). Back Market's names follow its back office.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  CREATED: 'Created',
  VALIDATED: 'Validated',
  PICKING: 'Picking',
  PACKED: 'Packed',
  IN_TRANSIT: 'In transit',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
}

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]

const BM_ORDER_STATE_LABELS: Record<number, string> = {
  0: 'New (payment check)',
  10: 'Pending payment',
  1: 'To accept',
  3: 'Waiting for fulfillment',
  8: 'Not paid',
  9: 'Fulfilled/processed',
}

const BM_ORDERLINE_STATE_LABELS: Record<number, string> = {
  0: 'New (payment check)',
  9: 'On hold',
  8: 'Pending payment',
  1: 'To accept',
  2: 'Accepted',
  3: 'Shipped',
  4: 'Cancelled',
  5: 'Refunded before shipping',
  6: 'Refunded after shipping',
  7: 'Not paid',
}

/** Back Market's order and orderline state codes that have a name; any other shows as unknown. */
export const BM_ORDER_STATES = Object.keys(BM_ORDER_STATE_LABELS).map(Number)
export const BM_ORDERLINE_STATES = Object.keys(BM_ORDERLINE_STATE_LABELS).map(Number)

/** "To accept (1)": the code stays visible because support talks in codes. */
export function bmOrderStateLabel(state: number): string {
  return `${BM_ORDER_STATE_LABELS[state] ?? 'Unknown state'} (${state})`
}

export function bmOrderlineStateLabel(state: number): string {
  return `${BM_ORDERLINE_STATE_LABELS[state] ?? 'Unknown state'} (${state})`
}
