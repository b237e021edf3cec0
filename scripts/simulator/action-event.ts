// A planned warehouse action as the event a WMS would post (lib/warehouse-events/event-schema.ts).
// Order events are named after the order and the version the plan saw: planning the same move
// twice from the same state (the first event not applied yet) gives the same id, so the app
// answers "duplicate" instead of moving the order twice. Stock actions are new facts each time:
// their id is drawn once per action, and a retried POST of the same batch reuses it.
import type { WarehouseEventInput } from '@/lib/warehouse-events/event-schema'
import type { SimAction } from './plan-tick'

export type EventContext = { merchantId: string; occurredAt: Date; newId: () => string }

const ORDER_EVENT = {
  validate: 'order.validated',
  'start-picking': 'order.picking_started',
  'mark-packed': 'order.packed',
  'mark-delivered': 'order.delivered',
} as const

/** Null for the staged Back Market failures: they change the world, they are not warehouse events. */
export function actionToEvent(action: SimAction, ctx: EventContext): WarehouseEventInput | null {
  const envelope = { merchantId: ctx.merchantId, occurredAt: ctx.occurredAt.toISOString() }
  const orderId = (a: { kind: string; order: { id: string; version: number } }, suffix = '') => `sim-${a.kind}-${a.order.id}-v${a.order.version}${suffix}`
  switch (action.kind) {
    case 'validate':
    case 'start-picking':
    case 'mark-packed':
    case 'mark-delivered':
      return { ...envelope, id: orderId(action), type: ORDER_EVENT[action.kind], data: { reference: action.order.reference } }
    case 'ship':
      return {
        ...envelope,
        id: orderId(action),
        type: 'order.shipped',
        data: { reference: action.order.reference, carrier: action.carrier, trackingNumber: action.trackingNumber, trackingUrl: action.trackingUrl },
      }
    case 'cancel-line':
      return {
        ...envelope,
        id: orderId(action, `-${action.sku}`),
        type: 'order.line_cancelled',
        data: { reference: action.order.reference, sku: action.sku, ...(action.refund ?? {}) },
      }
    case 'stock':
      return { ...envelope, id: `sim-stock-${ctx.newId()}`, type: 'stock.adjusted', data: { sku: action.sku, delta: action.delta, reason: action.reason } }
    case 'stock-level':
      return { ...envelope, id: `sim-count-${ctx.newId()}`, type: 'stock.level', data: { sku: action.sku, quantity: action.quantity } }
    case 'rename-sku':
    case 'set-bm-line-state':
      return null
  }
}
