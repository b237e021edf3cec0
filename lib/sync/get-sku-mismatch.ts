// Our SKU against Back Market's for a sync issue (or an order): from our order lines and read live
// from Back Market — the order's lines, or for a stock update the listing lookup — with the
// mapping that would fix it. Changes nothing but our copy of Back Market's order. Another
// merchant's issue or order is "not found", and is never read from Back Market.
import 'server-only'
import type { BackMarketClient } from '@/lib/backmarket/client'
import { toOrderImport } from '@/lib/backmarket/mapper'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { backMarketClientForMerchantId } from './backmarket-client-for'
import { backMarketFailureOf } from './backmarket-failure'
import { fetchBackMarketOrder } from './fetch-backmarket-order'
import { compareOrderSkus, firstSuggestion, stockSuggestionCandidate } from './sku-mismatch-rules'
import type { LiveRead, SkuMismatchView, StockSkuView } from './sku-mismatch-view'
import { upsertImportedOrder } from './upsert-imported-order'

type Target = { merchantId: string } & ({ issueId: string } | { reference: string })
type Failure = Extract<LiveRead, { ok: false }>

/** A merchant-triggered read still counts against Back Market's limit for their token. */
const LIVE_READ_MAX_WAIT_MS = 10_000

/** A live read whose failure (Back Market's, or our budget spent) is shown, not thrown. The
 * clients take the rate-limit cell themselves (backMarketClientFor's `rateLimited`). */
async function liveCall<T>(call: () => Promise<T>): Promise<{ value: T } | { failure: Failure }> {
  const fetchedAt = () => new Date().toISOString()
  try {
    return { value: await call() }
  } catch (err) {
    const failure = backMarketFailureOf(err)
    if (failure) return { failure: { ok: false, fetchedAt: fetchedAt(), ...failure } }
    if (err instanceof AppError && err.code === 'rate_limited') {
      return { failure: { ok: false, fetchedAt: fetchedAt(), kind: 'rate_limited', status: null, message: 'Our Back Market request budget is spent for a few seconds.' } }
    }
    throw err
  }
}

async function mappingsFor(merchantId: string, skus: string[]) {
  return db.skuMapping.findMany({ where: { merchantId, ourSku: { in: [...new Set(skus)] } }, select: { id: true, ourSku: true, bmSku: true }, orderBy: { ourSku: 'asc' } })
}

async function orderMismatch(merchantId: string, reference: string, issue: SkuMismatchView['issue']): Promise<SkuMismatchView> {
  const order = await db.order.findUnique({
    where: { merchantId_reference: { merchantId, reference } },
    select: { lines: { select: { bmOrderlineId: true, sku: true, listing: true, productTitle: true }, orderBy: { bmOrderlineId: 'asc' } } },
  })
  if (!order) throw new AppError('not_found', { userMessage: `Order ${reference} not found` })
  const ours = order.lines.map((l) => ({ ...l, bmOrderlineId: String(l.bmOrderlineId) }))
  const mappings = await mappingsFor(merchantId, ours.map((l) => l.sku))
  const read = await liveCall(() => fetchBackMarketOrder({ merchantId, reference, maxWaitMs: LIVE_READ_MAX_WAIT_MS }))
  const live = 'value' in read ? read.value.order.orderlines.map((l) => ({ id: String(l.id), listing: l.listing, state: l.state })) : null
  const lines = compareOrderSkus({ ours, live, mappings: new Map(mappings.map((m) => [m.ourSku, m.bmSku])) })
  // The live read is also a fresh import of this one order (the import's own compare-and-set on
  // date_modification): from now on the guard judges it by Back Market's SKU, not the one we
  // recorded before a rename on Back Market's side.
  if ('value' in read) await upsertImportedOrder({ merchantId, order: toOrderImport(read.value.order), raw: read.value.order })
  const suggestion = firstSuggestion(lines)
  return {
    issue,
    reference,
    live: 'value' in read ? { ok: true, fetchedAt: read.value.fetchedAt.toISOString() } : read.failure,
    lines,
    stock: null,
    suggestion: suggestion && { ...suggestion, reason: 'same_orderline' },
    mappings,
  }
}

async function lookUpListing(client: BackMarketClient, sku: string) {
  const read = await liveCall(() => client.getListingBySku(sku))
  if ('value' in read) return { found: true as const, id: read.value.id, sku: read.value.sku, quantity: read.value.quantity }
  return read.failure.kind === 'not_found' ? { found: false as const } : read.failure
}

async function stockMismatch(merchantId: string, ourSku: string, issue: SkuMismatchView['issue']): Promise<SkuMismatchView> {
  const [product, mappings, ourLines] = await Promise.all([
    db.product.findUnique({ where: { merchantId_sku: { merchantId, sku: ourSku } }, select: { quantity: true, bmListingId: true } }),
    mappingsFor(merchantId, [ourSku]),
    db.orderLine.findMany({ where: { merchantId, sku: ourSku }, distinct: ['listing'], select: { listing: true }, take: 20 }),
  ])
  const mappedTo = mappings[0]?.bmSku ?? null
  const sentSku = mappedTo ?? ourSku
  const client = await backMarketClientForMerchantId(merchantId, { rateLimited: { maxWaitMs: LIVE_READ_MAX_WAIT_MS } })
  const lookup = await lookUpListing(client, sentSku)
  const listing = 'found' in lookup ? lookup : null

  // Only when the SKU we send has no listing, and our orders name exactly one other one.
  let candidate: StockSkuView['candidate'] = null
  const other = listing?.found === false ? stockSuggestionCandidate(ourSku, ourLines.map((l) => l.listing)) : null
  if (other && other !== sentSku) {
    const found = await lookUpListing(client, other)
    if ('found' in found) candidate = { sku: other, found: found.found }
  }
  return {
    issue,
    reference: null,
    live: 'found' in lookup ? { ok: true, fetchedAt: new Date().toISOString() } : lookup,
    lines: null,
    stock: { ourSku, mappedTo, sentSku, product, listing, candidate },
    suggestion: candidate?.found ? { ourSku, bmSku: candidate.sku, reason: 'orders_name_listing' } : null,
    mappings,
  }
}

export async function getSkuMismatch(target: Target): Promise<SkuMismatchView> {
  const { merchantId } = target
  if ('reference' in target) return orderMismatch(merchantId, target.reference, null)
  const row = await db.syncIssue.findFirst({ where: { id: target.issueId, merchantId } })
  if (!row) throw new AppError('not_found', { userMessage: 'Issue not found' })
  const issue = { id: row.id, kind: row.kind, operation: row.operation, status: row.status, message: row.message }
  if (row.operation === 'STOCK' && row.sku) return stockMismatch(merchantId, row.sku, issue)
  const reference = row.reference ?? (row.orderId ? (await db.order.findUnique({ where: { id: row.orderId }, select: { reference: true } }))?.reference : null)
  if (!reference) throw new AppError('not_found', { userMessage: 'This issue has no order or SKU to compare.' })
  return orderMismatch(merchantId, reference, issue)
}
