// Rows and domain views → the /api/v1 order answers. Typed by the response schemas
// (lib/api-v1/schemas/order.ts), so a field the schema promises cannot be forgotten here.
import { z } from 'zod'
import type { OrderStateRow } from '@/lib/orders/list-orders-after'
import type { OrderSyncSummary } from '@/lib/sync/latest-order-syncs'
import { parseCarrierRejection } from '@/lib/addresses/carrier-rejection'
import { iso, isoOrNull } from '@/lib/api-v1/schemas/common'
import { AddressIssueSchema, CarrierRejectionSchema, type OrderSummaryV1, type OrderSyncV1 } from '@/lib/api-v1/schemas/order'

export function orderSyncView(s: OrderSyncSummary): OrderSyncV1 {
  return { ...s, nextAttemptAt: isoOrNull(s.nextAttemptAt), createdAt: iso(s.createdAt), finishedAt: isoOrNull(s.finishedAt) }
}

type LineState = OrderStateRow['lines'][number]

export function lineStateView(l: LineState) {
  // BigInt does not survive JSON; Back Market ids are opaque to clients anyway.
  return { bmOrderlineId: l.bmOrderlineId.toString(), listing: l.listing, sku: l.sku, quantity: l.quantity, bmState: l.bmState }
}

export function orderSummaryView(row: OrderStateRow, syncs: readonly OrderSyncSummary[]): OrderSummaryV1 {
  return {
    reference: row.reference,
    status: row.status,
    placedAt: isoOrNull(row.placedAt),
    currency: row.currency,
    totalPrice: row.totalPrice?.toFixed(2) ?? null,
    bmState: row.bmState,
    bmSeenAt: iso(row.bmSeenAt),
    lines: row.lines.map(lineStateView),
    sync: syncs.map(orderSyncView),
  }
}

/**
 * The issues of the last address check as stored (JSON written by validateOrder). Each is read on
 * its own: an issue of a code retired since is left out rather than hiding the others.
 */
export function storedAddressIssues(stored: unknown): z.output<typeof AddressIssueSchema>[] {
  const list = z.array(z.unknown()).catch([]).parse(stored ?? [])
  return list.flatMap((issue) => {
    const parsed = AddressIssueSchema.safeParse(issue)
    return parsed.success ? [parsed.data] : []
  })
}

/** A carrier's refusal as stored with the order, or null when there is none (or it is unreadable). */
export function carrierRejectionView(stored: unknown, at: Date | null): z.output<typeof CarrierRejectionSchema> | null {
  const rejection = parseCarrierRejection(stored)
  return rejection && at ? { carrier: rejection.carrier, message: rejection.message, fields: rejection.fields, rejectedAt: iso(at) } : null
}
