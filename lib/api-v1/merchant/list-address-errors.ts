// GET /api/v1/address-errors: the orders blocked by their address (the Errors tab's definition,
// lib/orders/address-blocked.ts), newest first, a keyset page at a time, each with its blocking
// issues and the cut-off that applies now. The dashboard ranks the same orders by urgency, a
// ranking that moves as cut-offs pass and that a cursor cannot resume.
import 'server-only'
import { toCursorPage, type CursorPage } from '@/lib/api-v1/cursor'
import { carrierRejectionView, storedAddressIssues } from '@/lib/api-v1/merchant/order-views'
import type { AddressErrorV1 } from '@/lib/api-v1/schemas/address-error'
import { isoOrNull } from '@/lib/api-v1/schemas/common'
import { orderPositionCursor } from '@/lib/api-v1/schemas/order-position-cursor'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { OrderDeadlines } from '@/lib/orders/deadlines'
import { addressBlockedWhere } from '@/lib/orders/address-blocked'
import { deadlinesForOrders } from '@/lib/orders/deadlines-for-orders'
import { afterPosition, NEWEST_FIRST, type OrderPosition } from '@/lib/orders/order-position'
import { referencePrefixWhere } from '@/lib/orders/reference-prefix'

type ListAddressErrorsOptions = {
  merchantId: string
  /** A reference or the start of one (digits; validated by the query schema). */
  q?: string
  after?: OrderPosition
  limit: number
}

const rowSelect = {
  reference: true,
  placedAt: true,
  addressIssues: true,
  addressCheckedAt: true,
  carrierRejection: true,
  carrierRejectedAt: true,
  addresses: { where: { kind: 'CURRENT' }, select: { firstName: true, lastName: true, company: true, city: true, country: true } },
} satisfies Prisma.OrderSelect

type BlockedOrderRow = Prisma.OrderGetPayload<{ select: typeof rowSelect }>

async function blockedOrdersAfter({ merchantId, q, after, limit }: ListAddressErrorsOptions): Promise<BlockedOrderRow[]> {
  const search: Prisma.OrderWhereInput = q ? { reference: referencePrefixWhere(q) } : {}
  return db.order.findMany({
    where: { AND: [addressBlockedWhere(merchantId), search, afterPosition(after)] },
    orderBy: NEWEST_FIRST,
    take: limit + 1,
    select: rowSelect,
  })
}

export async function listAddressErrorsV1(opts: ListAddressErrorsOptions & { now?: Date }): Promise<CursorPage<AddressErrorV1>> {
  const page = toCursorPage(await blockedOrdersAfter(opts), opts.limit, orderPositionCursor)
  const deadlines = await deadlinesForOrders({ merchantId: opts.merchantId, references: page.data.map((o) => o.reference), now: opts.now })
  return { data: page.data.map((o) => addressErrorView(o, deadlines.get(o.reference))), nextCursor: page.nextCursor }
}

function addressErrorView(row: BlockedOrderRow, deadlines: OrderDeadlines | undefined): AddressErrorV1 {
  const ship = row.addresses[0]
  const applies = deadlines?.applies
  return {
    reference: row.reference,
    placedAt: isoOrNull(row.placedAt),
    checkedAt: isoOrNull(row.addressCheckedAt),
    buyerName: [ship?.firstName, ship?.lastName].filter(Boolean).join(' ') || null,
    company: ship?.company ?? null,
    city: ship?.city ?? null,
    country: ship?.country ?? null,
    issues: storedAddressIssues(row.addressIssues).filter((i) => i.severity === 'error'),
    carrierRejection: carrierRejectionView(row.carrierRejection, row.carrierRejectedAt),
    urgency: deadlines?.urgency ?? 'unknown',
    cutoff: applies ? { kind: applies.kind, at: applies.at.toISOString(), source: applies.source } : null,
  }
}
