// The warehouse's count of one SKU (warehouse event stock.level): an absolute level, not a
// movement. The latest count wins: a level counted before the one already applied changes nothing
// (stock-level-rules.ts), so events arriving out of order never put an old count back. The change
// is journalled as a movement with its delta, and a STOCK task is queued on the same terms as
// record-stock-movement.ts: a pending task absorbs a burst (Back Market gets the quantity it reads
// when the task runs), and nothing is queued while Back Market is known to have no listing.
//
// A SKU we have never seen is created, titled with its SKU: the warehouse holds it, so its level
// is a fact worth keeping, and the merchant can rename it; refusing would lose the count.
import 'server-only'
import { z } from 'zod'
import { fromZodError } from '@/lib/errors'
import type { StockMovement, SyncTask } from '@/lib/generated/prisma/client'
import { INT4_MAX } from '@/lib/input/int-bounds'
import { plainText } from '@/lib/input/plain-text'
import { levelVerdict } from './stock-level-rules'
import { withOutbox, type Outbox, type SyncOrigin, type Tx } from './with-outbox'

export const StockLevelInputSchema = z.object({
  merchantId: z.uuid(),
  sku: plainText().trim().min(1, { error: 'Enter the SKU' }).max(200),
  quantity: z.number().int({ error: 'Units must be a whole number' }).min(0, { error: 'A level cannot be below zero' }).max(INT4_MAX),
  occurredAt: z.coerce.date({ error: 'occurredAt must be a date' }),
  reason: plainText().trim().min(1).max(200).optional(),
})

export type SetStockLevelOptions = z.input<typeof StockLevelInputSchema> & { origin?: SyncOrigin }

type LevelledProduct = { id: string; sku: string; quantity: number; levelAt: Date | null }

export type SetStockLevelResult =
  /** `movement` is null when the count equals what we had (only levelAt moves); `task` null when nothing goes out. */
  | { outcome: 'applied'; product: LevelledProduct; created: boolean; movement: StockMovement | null; task: SyncTask | null }
  /** A newer count was applied already: nothing changed. */
  | { outcome: 'stale'; product: LevelledProduct; created: false }

const DEFAULT_REASON = 'Stock level counted by the warehouse'

export async function setStockLevel(opts: SetStockLevelOptions): Promise<SetStockLevelResult> {
  return withOutbox((tx, outbox) => setStockLevelIn(tx, outbox, opts))
}

/** setStockLevel inside the caller's transaction (the warehouse event processor's). */
export async function setStockLevelIn(tx: Tx, outbox: Outbox, opts: SetStockLevelOptions): Promise<SetStockLevelResult> {
  const parsed = StockLevelInputSchema.safeParse(opts)
  if (!parsed.success) throw fromZodError(parsed.error)
  const { merchantId, sku, quantity, occurredAt, reason } = parsed.data

  // ON CONFLICT DO NOTHING: a SKU reported for the first time by two writers at once is created once.
  const { count: created } = await tx.product.createMany({ data: [{ merchantId, sku, title: sku }], skipDuplicates: true })
  // The row lock orders this level against concurrent movements of the same SKU: the delta we
  // journal is measured from the quantity nobody else can change until we commit.
  const [row] = await tx.$queryRaw<(LevelledProduct & { bmListingMissingSince: Date | null })[]>`
    SELECT id, sku, quantity, "levelAt", "bmListingMissingSince" FROM "Product"
    WHERE "merchantId" = ${merchantId}::uuid AND sku = ${sku} FOR UPDATE`
  if (!row) throw new Error(`product ${sku} of merchant ${merchantId} vanished after its upsert`)
  const { bmListingMissingSince, ...before } = row

  if (levelVerdict({ levelAt: before.levelAt, occurredAt }) === 'stale') return { outcome: 'stale', product: before, created: false }

  const product = await tx.product.update({
    where: { id: before.id },
    data: { quantity, levelAt: occurredAt },
    select: { id: true, sku: true, quantity: true, levelAt: true },
  })
  const delta = quantity - before.quantity
  if (delta === 0) return { outcome: 'applied', product, created: created > 0, movement: null, task: null }

  const movement = await tx.stockMovement.create({
    data: { merchantId, productId: product.id, delta, reason: reason ?? DEFAULT_REASON, quantityAfter: quantity },
  })
  if (bmListingMissingSince) return { outcome: 'applied', product, created: created > 0, movement, task: null }
  const { task } = await outbox.add({ operation: 'STOCK', sku, merchantId, origin: opts.origin ?? 'flow' })
  return { outcome: 'applied', product, created: created > 0, movement, task }
}
