// What GET /api/sku-mismatch answers and the mismatch panel renders: our SKU and Back Market's side
// by side for an issue's order (or SKU, for a stock update), with the mapping to make. JSON-shaped
// so the browser can type the response without a second schema.
import type { SyncIssueKind, SyncIssueStatus, SyncOperation } from '@/lib/generated/prisma/enums'
import type { BackMarketFailureDetails } from './backmarket-failure'
import type { SkuLineComparison } from './sku-mismatch-rules'

/** How reading Back Market went: failures are shown beside our side, never instead of it. */
export type LiveRead = { ok: true; fetchedAt: string } | ({ ok: false; fetchedAt: string } & BackMarketFailureDetails)

export type StockSkuView = {
  ourSku: string
  mappedTo: string | null
  sentSku: string
  product: { quantity: number; bmListingId: string | null } | null
  /** Back Market's listing for the SKU we send; null when it could not be read. */
  listing: { found: true; id: string; sku: string; quantity: number } | { found: false } | null
  /** The other listing our orders name for our SKU, as Back Market has it now. */
  candidate: { sku: string; found: boolean } | null
}

export type SkuMismatchView = {
  issue: { id: string; kind: SyncIssueKind; operation: SyncOperation; status: SyncIssueStatus; message: string } | null
  reference: string | null
  live: LiveRead
  /** Per order line, for an order (accept/ship); null for a stock update. */
  lines: SkuLineComparison[] | null
  stock: StockSkuView | null
  suggestion: { ourSku: string; bmSku: string; reason: 'same_orderline' | 'orders_name_listing' } | null
  /** The merchant's mappings for the SKUs shown. */
  mappings: { id: string; ourSku: string; bmSku: string }[]
}
