// Units in or out of the warehouse for one SKU. The quantity changes in the database in one
// conditional UPDATE (concurrent movements add up, none is lost, and on-hand never goes below
// zero), the movement is journalled with the quantity it left, and a STOCK task is queued. The
// task reads the quantity when it runs, so a burst of movements joins one pending task and costs
// Back Market one update (it allows about 2,000 SKU lines an hour, docs/backmarket.md §1.10). While Back Market
// is known to have no listing for the SKU, no task is queued: the update would fail like the last
// one; the stock waits, and goes out once a recheck finds a listing (lib/sync/recheck-missing-listings.ts).
import 'server-only'
import { z } from 'zod'
import { AppError, fromZodError } from '@/lib/errors'
import type { StockMovement, SyncTask } from '@/lib/generated/prisma/client'
import { INT4_MAX } from '@/lib/input/int-bounds'
import { plainText } from '@/lib/input/plain-text'
import { withOutbox, type Outbox, type SyncOrigin, type Tx } from './with-outbox'

export const StockMovementInputSchema = z.object({
  sku: plainText().trim().min(1, { error: 'Enter the SKU' }),
  delta: z
    .number()
    .int({ error: 'Units must be a whole number' })
    .min(-INT4_MAX, { error: 'More units than a stock can hold' })
    .max(INT4_MAX, { error: 'More units than a stock can hold' })
    .refine((n) => n !== 0, { error: 'A movement moves at least one unit' }),
  reason: plainText().trim().min(1, { error: 'Say why the stock moved' }).max(200),
})

export type StockMovementInput = z.input<typeof StockMovementInputSchema>

export type StockMovementResult = {
  product: { id: string; sku: string; quantity: number }
  movement: StockMovement
  /** Null while the SKU waits for a Back Market listing. */
  task: SyncTask | null
}

type AdjustStockOptions = z.output<typeof StockMovementInputSchema> & {
  merchantId: string
  origin?: SyncOrigin
  /** When the units moved (a warehouse event): a movement older than the last absolute level is already counted in it. */
  occurredAt?: Date
}

export type AdjustStockResult = (StockMovementResult & { outcome: 'moved' }) | { outcome: 'stale'; levelAt: Date }

export async function recordStockMovement(
  opts: StockMovementInput & { merchantId: string; origin?: SyncOrigin },
): Promise<StockMovementResult> {
  const parsed = StockMovementInputSchema.safeParse(opts)
  if (!parsed.success) throw fromZodError(parsed.error)
  return withOutbox(async (tx, outbox) => {
    const result = await adjustStockIn(tx, outbox, { ...parsed.data, merchantId: opts.merchantId, origin: opts.origin })
    // Only a movement dated before the last absolute level is stale, and this one has no date.
    if (result.outcome === 'stale') throw new Error(`undated stock movement of ${parsed.data.sku} reported stale`)
    return { product: result.product, movement: result.movement, task: result.task }
  })
}

/** recordStockMovement inside the caller's transaction (the warehouse event processor's), input already parsed. */
export async function adjustStockIn(tx: Tx, outbox: Outbox, opts: AdjustStockOptions): Promise<AdjustStockResult> {
  const { merchantId, sku, delta, reason, occurredAt } = opts
  const notCounted = occurredAt ? { OR: [{ levelAt: null }, { levelAt: { lte: occurredAt } }] } : {}
  const [product] = await tx.product.updateManyAndReturn({
    where: { merchantId, sku, quantity: { gte: -delta }, ...notCounted },
    data: { quantity: { increment: delta } },
    select: { id: true, sku: true, quantity: true, bmListingMissingSince: true },
  })
  if (!product) {
    const existing = await tx.product.findUnique({ where: { merchantId_sku: { merchantId, sku } }, select: { quantity: true, levelAt: true } })
    if (!existing) throw new AppError('not_found', { message: `product ${sku} not found for merchant ${merchantId}`, userMessage: 'Product not found.' })
    if (occurredAt && existing.levelAt && existing.levelAt > occurredAt) return { outcome: 'stale', levelAt: existing.levelAt }
    throw new AppError('conflict', {
      message: `stock of ${sku} would go below zero (${existing.quantity} on hand, ${delta})`,
      userMessage: `Only ${existing.quantity} unit(s) of ${sku} on hand: cannot take out ${-delta}.`,
      details: { quantity: existing.quantity, delta },
    })
  }
  const { bmListingMissingSince, ...moved } = product
  const movement = await tx.stockMovement.create({
    data: { merchantId, productId: product.id, delta, reason, quantityAfter: product.quantity },
  })
  // Read under the row lock this UPDATE took: a recheck clearing it commits before or after us,
  // and either sends our quantity or leaves the update to us.
  if (bmListingMissingSince) return { outcome: 'moved', product: moved, movement, task: null }
  const { task } = await outbox.add({ operation: 'STOCK', sku, merchantId, origin: opts.origin ?? 'flow' })
  return { outcome: 'moved', product: moved, movement, task }
}
