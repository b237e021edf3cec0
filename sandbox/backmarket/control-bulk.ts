// POST /__sandbox/orders/bulk: a seller's history in one call — `count` orders placed over the
// last `days` days, as a merchant with years on Back Market has when it first connects (the
// first-import benchmark, bench/import: 100,000 orders). Each one goes through createOrder, the
// same path as POST /__sandbox/orders; only the HTTP round trip per order is saved.
import { z } from 'zod'
import { createOrder, createOrderSchema } from './control-orders'
import type { SandboxContext } from './context'
import { COUNTRY_CODES, isoSeconds } from './fixtures'

export const bulkOrdersSchema = z.object({
  token: z.string().min(1),
  count: z.number().int().min(1).max(200_000),
  /** Spread of date_creation, oldest first, ending now. */
  days: z.number().int().min(1).max(365).default(29),
  /** Share of orders still awaiting acceptance (state 1); the others are shipped (state 9, lines 3). */
  awaitingShare: z.number().min(0).max(1).default(0.02),
  skus: z.number().int().min(1).max(10_000).default(300),
})

export function createOrders(ctx: SandboxContext, input: z.infer<typeof bulkOrdersSchema>): { created: number; firstOrderId: number | null; lastOrderId: number | null } {
  const now = ctx.now()
  const span = input.days * 86_400_000
  let first: number | null = null
  let last: number | null = null
  for (let i = 0; i < input.count; i++) {
    // Deterministic mix: every n-th order awaits acceptance, one in five has two lines.
    const awaiting = input.awaitingShare > 0 && i % Math.max(1, Math.round(1 / input.awaitingShare)) === 0
    const sku = (k: number) => `SKU-${String(k % input.skus).padStart(4, '0')}`
    const lines = i % 5 === 0 ? [sku(i * 7), sku(i * 7 + 1)] : [sku(i * 7)]
    const order = createOrder(
      ctx,
      createOrderSchema.parse({
        token: input.token,
        state: awaiting ? 1 : 9,
        date_creation: isoSeconds(now - span + Math.floor((span * i) / input.count)),
        country_code: COUNTRY_CODES[i % COUNTRY_CODES.length],
        lines: lines.map((s) => ({ sku: s, ...(awaiting ? {} : { state: 3 }) })),
      }),
    )
    first ??= order.order_id
    last = order.order_id
  }
  return { created: input.count, firstOrderId: first, lastOrderId: last }
}
