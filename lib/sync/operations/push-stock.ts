// stock_update: set a listing's quantity to what we hold now. Absolute, so sending it twice is
// harmless, and read at the last moment, so many stock movements coalesce into one update. A SKU
// Back Market has no listing for is remembered, so that its next movements wait for a listing
// (recheck-missing-listings.ts) instead of each failing the same way.
import 'server-only'
import type { BackMarketClient } from '@/lib/backmarket/client'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import { bmSkusFor } from '../bm-sku-for'
import { SyncDataError } from '../sync-data-error'
import { markListingMissing } from '../recheck-missing-listings'
import { syncCall, type SyncCallContext } from '../sync-call'

export type StockResult = { outcome: 'applied'; verified: boolean; quantity: number }

export async function pushStockToBackMarket(opts: {
  ctx: SyncCallContext
  client: BackMarketClient
  merchantId: string
  sku: string
  skuLines: { acquire: (cost?: number) => Promise<unknown> }
}): Promise<StockResult> {
  const { ctx, client, sku } = opts
  const product = await db.product.findUnique({ where: { merchantId_sku: { merchantId: opts.merchantId, sku } } })
  if (!product) throw new SyncDataError('missing_record', `The product ${sku} no longer exists on our side: nothing was sent to Back Market.`, { params: { sku } })

  // Our SKU as Back Market knows it (a merchant's mapping after a rename on our side).
  const bmSku = (await bmSkusFor(opts.merchantId, [sku]))(sku)
  const lookup = async () => {
    let listing
    try {
      listing = await syncCall(ctx, { method: 'GET', path: `/ws/listings/detail?sku=${bmSku}`, sku }, () => client.getListingBySku(bmSku))
    } catch (err) {
      if (err instanceof BackMarketError && err.kind === 'not_found') await markListingMissing(product.id)
      throw err
    }
    await db.product.update({ where: { id: product.id }, data: { bmListingId: String(listing.id), bmListingMissingSince: null } })
    return String(listing.id)
  }
  let listingId = product.bmListingId ?? (await lookup())

  // Back Market accepts about 2,000 SKU lines an hour across all listing updates.
  await opts.skuLines.acquire(1)
  const send = async (id: string) => {
    const { quantity } = await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { quantity: true } })
    const request = { listing_id: id, quantity }
    const listing = await syncCall(ctx, { method: 'POST', path: `/ws/listings/${id}`, request, sku }, () => client.updateListingQuantity(id, quantity))
    return { quantity, listingSku: listing.sku }
  }
  let sent: { quantity: number; listingSku: string }
  try {
    sent = await send(listingId)
  } catch (err) {
    // The cached listing id went stale (listing re-created on Back Market): look it up again, once.
    if (!(err instanceof BackMarketError && err.kind === 'not_found' && product.bmListingId)) throw err
    listingId = await lookup()
    sent = await send(listingId)
  }
  const { quantity, listingSku } = sent

  let verified = false
  try {
    // Read back the listing written to, by its own SKU: a product renamed on our side keeps its
    // cached listing, whose SKU is no longer ours (asked by ours, every move logged a 404).
    const after = await syncCall(ctx, { method: 'GET', path: `/ws/listings/detail?sku=${listingSku}`, sku }, () => client.getListingBySku(listingSku))
    verified = Number(after.quantity) === quantity
  } catch {
    // Sent and acknowledged; only the confirmation read failed.
  }
  return { outcome: 'applied', verified, quantity }
}
