// Applies one order event to its order, inside the processor's transaction. An order not imported
// yet parks the event; a flow event walks the missing steps in Back Market's order (order-walk.ts)
// through the same operations the dashboard uses, so the sync tasks they queue (accept, then ship)
// commit with the event's outcome.
import 'server-only'
import { checkOrderAddressIn } from '@/lib/warehouse/check-order-address'
import { markDeliveredIn } from '@/lib/warehouse/mark-delivered'
import { markPackedIn } from '@/lib/warehouse/mark-packed'
import { rejectAddressByCarrierIn } from '@/lib/warehouse/reject-address-by-carrier'
import { shipOrderIn } from '@/lib/warehouse/ship-order'
import { startPickingIn } from '@/lib/warehouse/start-picking'
import { validateOrderIn } from '@/lib/warehouse/validate-order'
import type { Outbox, Tx } from '@/lib/warehouse/with-outbox'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import type { WarehouseEvent } from './event-schema'
import { applyLineCancelled } from './apply-line-cancelled'
import { planWalk, TARGET_OF, type FlowEventType } from './order-walk'
import { applied, parked, refused, stale, type Outcome } from './outcome'

const STALE_REFUSAL = {
  order_closed: 'The order has left or is cancelled.',
  newer_rejection: 'A later refusal is already stored.',
  address_changed: 'The merchant changed the address after this refusal: it was about the old one.',
} as const

type OrderEvent = Extract<WarehouseEvent, { data: { reference: string } }>
type ShippedEvent = Extract<WarehouseEvent, { type: 'order.shipped' }>

export async function applyOrderEvent(tx: Tx, outbox: Outbox, event: OrderEvent): Promise<Outcome> {
  const { merchantId } = event
  const { reference } = event.data
  const order = await tx.order.findUnique({ where: { merchantId_reference: { merchantId, reference } }, select: { status: true } })
  if (!order) return parked(reference)
  const occurredAt = new Date(event.occurredAt)

  switch (event.type) {
    case 'order.received': {
      if (order.status !== 'CREATED') return stale(`The order is already ${order.status.toLowerCase()}: its address was checked then.`)
      const { valid, issues } = await checkOrderAddressIn(tx, { merchantId, reference })
      return valid
        ? applied('address_checked', 'The address passed the checks.', { warnings: issues.length })
        : applied('address_errors', 'The address breaks carrier rules: the order waits in the Errors tab.', { issues })
    }
    case 'order.address_rejected': {
      const result = await rejectAddressByCarrierIn(tx, outbox, { merchantId, ...event.data, occurredAt })
      return result.outcome === 'blocked'
        ? applied('blocked', `${event.data.carrier} refused the address: the order is blocked until it is fixed.`)
        : stale(STALE_REFUSAL[result.reason], { reason: result.reason })
    }
    case 'order.line_cancelled':
      return applyLineCancelled(tx, outbox, event)
    default:
      return walk(tx, outbox, event, order.status, occurredAt)
  }
}

async function walk(tx: Tx, outbox: Outbox, event: Extract<OrderEvent, { type: FlowEventType }>, status: OrderStatus, occurredAt: Date): Promise<Outcome> {
  const plan = planWalk(status, event.type)
  if (plan.kind === 'stale') return stale(`The order is already ${status.toLowerCase()}.`, { status })
  if (plan.kind === 'refused') return refused(plan.rule, plan.message, { status })
  const target = { merchantId: event.merchantId, reference: event.data.reference, origin: 'flow' as const }
  for (const step of plan.steps) {
    switch (step) {
      case 'VALIDATED': {
        const result = await validateOrderIn(tx, outbox, target)
        if (result.outcome === 'address_errors') {
          // The check is stored either way (the order waits in the Errors tab); only a later step is refused.
          const params = { fields: result.fields }
          if (event.type === 'order.validated') return applied('address_errors', 'The address breaks carrier rules: the order waits in the Errors tab.', params)
          return refused('address_errors', `The order cannot be validated (its address breaks carrier rules), so it cannot be ${TARGET_OF[event.type].toLowerCase()}.`, params)
        }
        break
      }
      case 'PICKING':
        await startPickingIn(tx, target)
        break
      case 'PACKED':
        await markPackedIn(tx, target)
        break
      case 'IN_TRANSIT':
        await ship(tx, outbox, event as ShippedEvent, occurredAt)
        break
      case 'DELIVERED':
        await markDeliveredIn(tx, { ...target, deliveredAt: occurredAt })
        break
      default:
        throw new Error(`no step leads to ${step}`)
    }
  }
  const walked = plan.steps.length > 1 ? { walked: plan.steps } : undefined
  return applied('applied', `The order is ${TARGET_OF[event.type].toLowerCase()}.`, walked)
}

function ship(tx: Tx, outbox: Outbox, event: ShippedEvent, shippedAt: Date) {
  const { reference, carrier, trackingNumber, trackingUrl, lines } = event.data
  return shipOrderIn(tx, outbox, { merchantId: event.merchantId, reference, carrier, trackingNumber, trackingUrl, shippedAt, units: lines, origin: 'flow' })
}
