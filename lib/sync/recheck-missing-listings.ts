// A SKU Back Market has no listing for is remembered on its product (bmListingMissingSince, set
// by push-stock.ts when Back Market answers 404): its stock movements then wait instead of each
// queueing an update doomed to the same 404 (lib/warehouse/record-stock-movement.ts). This looks
// for the listing again — on a schedule and when the merchant saves a SKU mapping — and, once it
// exists, clears the memory and queues ONE stock update, which reads the quantity when it runs.
// The issue opened by the first 404 stays open meanwhile and resolves when that update succeeds.
import 'server-only'
import type { BackMarketClient } from '@/lib/backmarket/client'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { backMarketClientForMerchantId } from './backmarket-client-for'
import { bmSkusFor } from './bm-sku-for'
import { createSyncTask, dispatchSyncTask } from './enqueue-sync-task'

/** A recheck is a few GETs; it waits this long at most for a cell of the merchant's request budget. */
const RECHECK_MAX_WAIT_MS = 10_000
/** Products looked at per merchant per run: a run stays short whatever piles up. */
const RECHECK_BATCH = 200

export type RecheckResult = { checked: number; found: string[] }

/** Remembers that Back Market has no listing for this product's SKU (since the first time); a cached listing id is stale by then. */
export async function markListingMissing(productId: string, now = new Date()): Promise<void> {
  await db.product.updateMany({ where: { id: productId, bmListingMissingSince: null }, data: { bmListingMissingSince: now, bmListingId: null } })
}

/** One merchant's waiting SKUs (all, or those named). */
export async function recheckMissingListings(opts: { merchantId: string; skus?: string[]; client?: BackMarketClient }): Promise<RecheckResult> {
  const { merchantId } = opts
  const products = await db.product.findMany({
    where: { merchantId, bmListingMissingSince: { not: null }, ...(opts.skus ? { sku: { in: opts.skus } } : {}) },
    select: { id: true, sku: true },
    orderBy: { bmListingMissingSince: 'asc' },
    take: RECHECK_BATCH,
  })
  if (products.length === 0) return { checked: 0, found: [] }
  const client = opts.client ?? (await backMarketClientForMerchantId(merchantId, { rateLimited: { maxWaitMs: RECHECK_MAX_WAIT_MS } }))
  const bmSku = await bmSkusFor(merchantId, products.map((p) => p.sku))
  const found: string[] = []
  for (const product of products) {
    let listingId: string
    try {
      listingId = String((await client.getListingBySku(bmSku(product.sku))).id)
    } catch (err) {
      // Still no listing: it keeps waiting. Anything else (Back Market down, the budget busy) is
      // for the next run; the products after it are not held up by it.
      if (!(err instanceof BackMarketError && err.kind === 'not_found')) log.warn({ err, merchantId, sku: product.sku }, 'listing recheck failed')
      continue
    }
    if (await resumeStock({ merchantId, productId: product.id, sku: product.sku, listingId })) found.push(product.sku)
  }
  return { checked: products.length, found }
}

/**
 * Clears the memory and queues the stock update in one transaction, so a stock movement either
 * saw the memory (and waited: this update carries its quantity) or queues its own, joining this one.
 */
async function resumeStock(opts: { merchantId: string; productId: string; sku: string; listingId: string }): Promise<boolean> {
  const resumed = await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({
      where: { id: opts.productId, bmListingMissingSince: { not: null } },
      data: { bmListingMissingSince: null, bmListingId: opts.listingId },
    })
    // Another recheck (or a successful re-sync) got there first.
    if (count === 0) return null
    return createSyncTask(tx, { merchantId: opts.merchantId, operation: 'STOCK', sku: opts.sku, origin: 'flow' })
  })
  if (!resumed) return false
  // After commit, as the outbox does. A pending update joined needs no send; a lost send is
  // delivered by the sweeper, since the task is queued.
  const { task, created } = resumed
  if (created) await dispatchSyncTask(task).catch((err: unknown) => log.warn({ err, taskId: task.id }, 'stock update after listing found: dispatch failed; the sweeper will deliver it'))
  return true
}

/** Every merchant with SKUs waiting for a listing: what the scheduled job runs. */
export async function recheckAllMissingListings(): Promise<RecheckResult> {
  const merchants = await db.product.findMany({ where: { bmListingMissingSince: { not: null } }, distinct: ['merchantId'], select: { merchantId: true } })
  const total: RecheckResult = { checked: 0, found: [] }
  for (const { merchantId } of merchants) {
    try {
      const r = await recheckMissingListings({ merchantId })
      total.checked += r.checked
      total.found.push(...r.found)
    } catch (err) {
      // One merchant's token or data must not keep the others waiting.
      log.warn({ err, merchantId }, 'listing recheck failed for a merchant')
    }
  }
  return total
}
