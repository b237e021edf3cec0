// How an order event moves the order along our flow (lib/warehouse/order-flow.ts), as data. An
// event that skips steps (shipped while the order is still CREATED: the WMS lost or delayed the
// others) walks the missing ones in order, because Back Market needs the sale accepted before the
// parcel ships; an event the order has already passed is stale; and what cannot be walked is
// refused with the rule named. Pure.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

/** Our flow in order; CANCELLED is off it. */
const FLOW: readonly OrderStatus[] = ['CREATED', 'VALIDATED', 'PICKING', 'PACKED', 'IN_TRANSIT', 'DELIVERED']

export const TARGET_OF = {
  'order.validated': 'VALIDATED',
  'order.picking_started': 'PICKING',
  'order.packed': 'PACKED',
  'order.shipped': 'IN_TRANSIT',
  'order.delivered': 'DELIVERED',
} as const satisfies Record<string, OrderStatus>

export type FlowEventType = keyof typeof TARGET_OF

export type Walk =
  | { kind: 'steps'; steps: OrderStatus[] }
  | { kind: 'stale' }
  | { kind: 'refused'; rule: 'order_cancelled' | 'not_shipped'; message: string }

export function planWalk(current: OrderStatus, type: FlowEventType): Walk {
  const target = TARGET_OF[type]
  if (current === 'CANCELLED') return { kind: 'refused', rule: 'order_cancelled', message: 'The order is cancelled.' }
  const from = FLOW.indexOf(current)
  const to = FLOW.indexOf(target)
  if (from >= to) return { kind: 'stale' }
  const steps = FLOW.slice(from + 1, to + 1)
  // Only order.shipped carries the tracking number a shipment needs.
  if (type !== 'order.shipped' && steps.includes('IN_TRANSIT')) {
    return { kind: 'refused', rule: 'not_shipped', message: 'The order has not shipped: report order.shipped, with its tracking number, first.' }
  }
  return { kind: 'steps', steps }
}
