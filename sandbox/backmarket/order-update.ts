// POST /ws/orders/{order_id}: the seller moving orderlines through the table of transitions.ts.
// Every check runs before anything is written, so a refused update leaves the order untouched.
import { z } from 'zod'
import { parseDateFilter } from './dates'
import { fail } from './errors'
import { INT_STRING, parseOr400 } from './http'
import { canTransition, deriveOrderState, isFinal, isLineState, LINE_TRANSITIONS } from './transitions'
import type { LineState, Order, OrderLine } from './types'

const int = z.union([z.number().int(), z.string().regex(INT_STRING).transform(Number)])
const RETURN_REASONS = [0, 1, 11, 12, 13, 21, 22, 23, 24, 25]

export const updateOrderSchema = z.object({
  order_id: int,
  new_state: int,
  sku: z.string().min(1).nullish(),
  tracking_number: z.string().max(200).nullish(),
  tracking_url: z.string().max(300).nullish(),
  shipper: z.string().max(200).nullish(),
  date_shipping: z.string().nullish(),
  imei: z.string().nullish(),
  serial_number: z.string().max(50).nullish(),
  vat_type: z.enum(['REGULAR', 'MARGINAL']).nullish(),
  return_reason: int.refine((n) => RETURN_REASONS.includes(n), 'not a ReturnReason').nullish(),
  return_message: z.string().max(500).nullish(),
})

type UpdateOrder = z.infer<typeof updateOrderSchema>

export function applyOrderUpdate(order: Order, rawBody: unknown, now: number): void {
  const body = parseOr400(updateOrderSchema, rawBody)
  if (body.order_id !== order.order_id) {
    fail(400, 'validation-error', `order_id ${body.order_id} does not match the order ${order.order_id} in the URL`, { target: 'order_id' })
  }
  if (!isLineState(body.new_state)) {
    fail(400, 'validation-error', `new_state: ${body.new_state} is not an orderline state`, { target: 'new_state' })
  }
  if (body.new_state === 3) ship(order, body, now)
  else moveOneLine(order, body, body.new_state)
  order.state = deriveOrderState(order.orderlines.map((l) => l.state), order.state)
  bumpModified(order, now)
}

function refuseTransition(line: OrderLine, to: number): never {
  const allowed = LINE_TRANSITIONS[line.state]
  fail(400, 'invalid-state-transition', `Orderline ${line.listing} is in state ${line.state}; allowed next states: [${allowed.join(', ')}]`, {
    target: 'new_state',
    data: { current_state: line.state, requested_state: to },
  })
}

function moveOneLine(order: Order, body: UpdateOrder, to: LineState): void {
  if (!body.sku) fail(400, 'validation-error', `sku is required when new_state is ${to}`, { target: 'sku' })
  const line = order.orderlines.find((l) => l.listing === body.sku)
  if (!line) fail(404, 'not-found', "The listing doesn't exist", { target: 'sku' })
  if (!canTransition(line.state, to)) refuseTransition(line, to)
  // A refund after shipping says why (docs/backmarket.md §1.6: return_reason with new_state 6).
  if (to === 6 && body.return_reason == null) fail(400, 'validation-error', 'return_reason is required when new_state is 6', { target: 'return_reason' })
  line.state = to
  if (to === 4 || to === 5 || to === 6) {
    if (body.return_reason != null) line.return_reason = body.return_reason
    if (body.return_message != null) line.return_message = body.return_message
  }
}

// "Every orderline of this order will be set to this state automatically" (spec), so every line
// still in play must be accepted first; `sku` is not needed and is ignored.
function ship(order: Order, body: UpdateOrder, now: number): void {
  const tracking = body.tracking_number?.trim()
  if (!tracking) fail(400, 'validation-error', 'tracking_number is required when new_state is 3', { target: 'tracking_number' })
  const open = order.orderlines.filter((l) => !isFinal(l.state))
  const blocking = open.find((l) => !canTransition(l.state, 3)) ?? (open.length === 0 ? order.orderlines[0] : undefined)
  if (blocking) refuseTransition(blocking, 3)
  const single = order.orderlines.length === 1 && order.orderlines[0]?.quantity === 1
  if (body.imei) {
    if (!/^\d{15}$/.test(body.imei)) fail(400, 'validation-error', 'imei must be a valid IMEI (15 digits)', { target: 'imei' })
    if (!single) fail(400, 'validation-error', 'imei is only accepted on an order with one orderline of quantity 1', { target: 'imei' })
  }
  if (body.serial_number && !single) {
    fail(400, 'validation-error', 'serial_number is only accepted on an order with one orderline of quantity 1', { target: 'serial_number' })
  }
  let shippedAt = now
  if (body.date_shipping) {
    const parsed = parseDateFilter(body.date_shipping)
    if (parsed === undefined) fail(400, 'validation-error', 'date_shipping must be an RFC 3339 date-time', { target: 'date_shipping' })
    shippedAt = parsed
  }

  for (const line of open) line.state = 3
  const only = order.orderlines[0]
  if (single && only) {
    if (body.imei) only.imei = body.imei
    if (body.serial_number) only.serial_number = body.serial_number
  }
  order.tracking_number = tracking
  order.tracking_url = body.tracking_url ?? ''
  // The order-level shipper may change at shipping; lines keep the buyer's choice (docs/backmarket.md §1.5).
  if (body.shipper) {
    order.shipper = body.shipper
    order.shipper_display = body.shipper
  }
  order.date_shipping = new Date(shippedAt).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Every change moves date_modification forward, strictly, so polling by it never misses one. */
export function bumpModified(order: Order, now: number): void {
  const previous = Date.parse(order.date_modification)
  order.date_modification = new Date(Math.max(now, previous + 1)).toISOString()
}
