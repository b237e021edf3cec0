// What the control API does to orders: place one as a buyer would, and the seller's back-office
// actions the Seller API cannot do (rename a SKU, force a line state).
import { z } from 'zod'
import type { SandboxContext } from './context'
import { parseDateFilter } from './dates'
import { fail } from './errors'
import { COUNTRY_CODES, isoSeconds, makeOrder } from './fixtures'
import { findListingBySku, setPublication } from './listing-update'
import { bumpModified } from './order-update'
import { deriveOrderState, initialLineState, isLineState } from './transitions'
import type { Account, LineState, Order, OrderState } from './types'

const nullableString = z.string().nullable()
const addressSchema = z
  .object({
    company: nullableString, first_name: z.string(), first_name_pronunciation: nullableString, last_name: z.string(),
    last_name_pronunciation: nullableString, street: z.string(), street2: nullableString, postal_code: z.string(),
    country: z.string(), city: z.string(), phone: nullableString, email: z.string(), customer_id_number: nullableString,
  })
  .partial()

const lineStateSchema = z.number().int().refine(isLineState, 'not an OrderLineState').transform((n) => n as LineState)
const orderStateSchema = z.union([z.literal(0), z.literal(1), z.literal(3), z.literal(8), z.literal(9), z.literal(10)])

export const createOrderSchema = z.object({
  token: z.string().min(1),
  order_id: z.number().int().positive().optional(),
  state: orderStateSchema.default(1),
  date_creation: z.string().refine((v) => parseDateFilter(v) !== undefined, 'not a date-time').optional(),
  country_code: z.enum(COUNTRY_CODES as [string, ...string[]]).default('fr-fr'),
  shipping_address: addressSchema.optional(),
  lines: z
    .array(
      z.object({
        sku: z.string().min(1),
        quantity: z.number().int().positive().default(1),
        price: z.string().regex(/^\d+(\.\d+)?$/).optional(),
        product: z.string().optional(),
        state: lineStateSchema.optional(),
      }),
    )
    .min(1),
})

export function createOrder(ctx: SandboxContext, input: z.infer<typeof createOrderSchema>): Order {
  const { store } = ctx
  const account = store.ensureAccount(input.token)
  const skus = input.lines.map((l) => l.sku)
  // "Indexed by SKU": one line per SKU within an order.
  if (new Set(skus).size !== skus.length) fail(400, 'validation-error', 'lines: each sku may appear once per order', { target: 'lines' })
  if (input.order_id !== undefined && account.orders.has(input.order_id)) {
    fail(409, 'conflict', `Order ${input.order_id} already exists for this token`, { target: 'order_id' })
  }
  const orderId = input.order_id ?? store.nextId('order')
  store.reserveId('order', orderId)
  const now = ctx.now()
  const lines = input.lines.map((l) => ({
    ...l,
    id: store.nextId('line'),
    state: l.state ?? initialLineState(input.state),
    listing: findListingBySku(account, l.sku),
  }))
  const dateCreation = input.date_creation ? isoSeconds(parseDateFilter(input.date_creation) ?? now) : isoSeconds(now)
  const order = makeOrder({ ...input, order_id: orderId, date_creation: dateCreation, now, lines })
  order.state = deriveOrderState(order.orderlines.map((l) => l.state), input.state as OrderState)

  // Back Market decrements the stock itself when an order is placed (docs/backmarket.md §1.7).
  for (const l of lines) {
    if (!l.listing) continue
    l.listing.quantity = Math.max(0, l.listing.quantity - l.quantity)
    setPublication(l.listing)
  }
  account.orders.set(orderId, order)
  store.changed()
  return order
}

function orderOrThrow(account: Account | undefined, rawId: string): Order {
  const order = account?.orders.get(Number(rawId))
  if (!order) fail(404, 'not-found', `Order ${rawId} not found for this token`, { target: 'order_id' })
  return order
}

export const renameSkuSchema = z.object({ token: z.string().min(1), from: z.string().min(1), to: z.string().min(1) })

/** The seller renames a SKU in the back office: the orderline and the listing both change. */
export function renameSku(ctx: SandboxContext, orderId: string, input: z.infer<typeof renameSkuSchema>): Order {
  const account = ctx.store.account(input.token)
  const order = orderOrThrow(account, orderId)
  const line = order.orderlines.find((l) => l.listing === input.from)
  if (!line) fail(404, 'not-found', `No orderline with sku ${input.from}`, { target: 'from' })
  if (order.orderlines.some((l) => l !== line && l.listing === input.to)) {
    fail(409, 'conflict', `Another orderline already has sku ${input.to}`, { target: 'to' })
  }
  line.listing = input.to
  const listing = account && findListingBySku(account, input.from)
  if (listing) listing.sku = input.to
  bumpModified(order, ctx.now())
  ctx.store.changed()
  return order
}

export const lineStateBodySchema = z.object({ token: z.string().min(1), state: lineStateSchema })

/** A state set by hand in the back office: no transition check, order state follows. */
export function setLineState(ctx: SandboxContext, orderId: string, sku: string, input: z.infer<typeof lineStateBodySchema>): Order {
  const order = orderOrThrow(ctx.store.account(input.token), orderId)
  const line = order.orderlines.find((l) => l.listing === sku)
  if (!line) fail(404, 'not-found', `No orderline with sku ${sku}`, { target: 'sku' })
  line.state = input.state
  order.state = deriveOrderState(order.orderlines.map((l) => l.state), order.state)
  bumpModified(order, ctx.now())
  ctx.store.changed()
  return order
}
