// Applies one stock event to its SKU, inside the processor's transaction. A level is absolute and
// the latest count wins (an older one is stale); an adjustment dated before the last count is
// already in it. Either queues a STOCK task that a burst of events joins, so Back Market gets at
// most one update per SKU while one is pending (its 2,000 SKU lines an hour).
import 'server-only'
import { AppError } from '@/lib/errors'
import { adjustStockIn } from '@/lib/warehouse/record-stock-movement'
import { setStockLevelIn } from '@/lib/warehouse/set-stock-level'
import type { Outbox, Tx } from '@/lib/warehouse/with-outbox'
import type { WarehouseEvent } from './event-schema'
import { applied, refused, stale, type Outcome } from './outcome'

type StockEvent = Extract<WarehouseEvent, { type: 'stock.level' | 'stock.adjusted' }>

export async function applyStockEvent(tx: Tx, outbox: Outbox, event: StockEvent): Promise<Outcome> {
  const { merchantId } = event
  const occurredAt = new Date(event.occurredAt)
  if (event.type === 'stock.level') {
    const { sku, quantity } = event.data
    const result = await setStockLevelIn(tx, outbox, { merchantId, sku, quantity, occurredAt })
    if (result.outcome === 'stale') return stale('A later count of this SKU is already applied.', { quantity: result.product.quantity, levelAt: result.product.levelAt?.toISOString() })
    return applied('applied', `${sku} is at ${quantity} unit(s).`, { quantity, ...(result.created ? { created: true } : {}) })
  }
  const { sku, delta, reason } = event.data
  try {
    const result = await adjustStockIn(tx, outbox, { merchantId, sku, delta, reason, occurredAt })
    if (result.outcome === 'stale') return stale('The count applied since then already includes this adjustment.', { levelAt: result.levelAt.toISOString() })
    return applied('applied', `${sku} is at ${result.product.quantity} unit(s).`, { quantity: result.product.quantity })
  } catch (err) {
    // Nothing was written before these checks: the transaction stays usable for the outcome.
    if (err instanceof AppError && err.code === 'not_found') return refused('unknown_sku', `No product has the SKU ${sku}: report its level first.`, { sku })
    // Not enough on hand YET: out of order is normal, and the movement that brought the units may
    // be on its way (an earlier occurredAt, applied first when it arrives). Retried, then refused.
    if (err instanceof AppError && err.code === 'conflict') {
      throw new AppError('conflict', { message: err.message, userMessage: err.userMessage, details: { ...(err.details as object), rule: 'insufficient_stock', retryable: true } })
    }
    throw err
  }
}
