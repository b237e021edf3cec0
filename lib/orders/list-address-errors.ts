// The Errors tab: the merchant's orders blocked by their address (lib/orders/address-blocked.ts):
// still CREATED with an error found by our last check (at import or validation), or refused by a
// carrier at label creation while being prepared. Search by reference (exact match first, then
// prefix), sort by urgency (the cut-off that applies, soonest first) or newest, one page at a time.
//
// Blocked orders are a work queue, a small slice of the merchant's orders: the (merchantId,
// status, reference) index narrows to the statuses concerned, the filters keep the blocked, and their
// narrow (reference, date) rows are ranked in Node by the one deadline rule (lib/orders/deadlines)
// rather than by a second copy of it in SQL. Only the page's rows are then read in full.
import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { parseCarrierRejection, type CarrierRejection } from '@/lib/addresses/carrier-rejection'
import type { Prisma } from '@/lib/generated/prisma/client'
import { addressBlockedWhere } from '@/lib/orders/address-blocked'
import { compareByUrgency, type OrderDeadlines } from '@/lib/orders/deadlines'
import { deadlinesForOrders } from '@/lib/orders/deadlines-for-orders'
import { ADDRESS_ERRORS_PAGE_SIZE, type AddressErrorSort } from '@/lib/orders/list-address-errors-query'
import { referencePrefixWhere } from '@/lib/orders/reference-prefix'

export type ListAddressErrorsOptions = {
  merchantId: string
  /** A reference or the start of one (digits; validated by ListAddressErrorsQuerySchema). */
  q?: string
  sort: AddressErrorSort
  page: number
  pageSize?: number
  now?: Date
}

/** What a stored issue needs to be named in any language (see lib/addresses/address-issues). */
export type BlockingIssue = { code: string; field: string; params?: Record<string, string | number> }

export type AddressErrorSummary = {
  reference: string
  placedAt: Date | null
  checkedAt: Date | null
  buyerName: string | null
  company: string | null
  city: string | null
  country: string | null
  /** The errors of the last check, in the checks' order. */
  issues: BlockingIssue[]
  /** A carrier's refusal at label creation, in its words; null when none stands. */
  carrierRejection: CarrierRejection | null
  deadlines: OrderDeadlines
}

export type AddressErrorPage = {
  orders: AddressErrorSummary[]
  total: number
  page: number
  pageSize: number
  pageCount: number
  sort: AddressErrorSort
}

const StoredIssues = z
  .array(
    z.looseObject({
      code: z.string(),
      field: z.string(),
      severity: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional().catch(undefined),
    }),
  )
  .catch([])

const rowSelect = {
  reference: true,
  placedAt: true,
  addressCheckedAt: true,
  addressIssues: true,
  carrierRejection: true,
  addresses: { where: { kind: 'CURRENT' }, select: { firstName: true, lastName: true, company: true, city: true, country: true } },
} satisfies Prisma.OrderSelect

type Candidate = { reference: string; placedAt: Date | null }

const newestFirst = (a: Candidate, b: Candidate) =>
  (b.placedAt?.getTime() ?? -Infinity) - (a.placedAt?.getTime() ?? -Infinity) || a.reference.localeCompare(b.reference)

export async function listAddressErrors(opts: ListAddressErrorsOptions): Promise<AddressErrorPage> {
  const { merchantId, q, sort, page } = opts
  const pageSize = opts.pageSize ?? ADDRESS_ERRORS_PAGE_SIZE
  const now = opts.now ?? new Date()
  const where: Prisma.OrderWhereInput = addressBlockedWhere(merchantId)
  if (q) where.reference = referencePrefixWhere(q)

  const blocked = await db.order.findMany({ where, select: { reference: true, placedAt: true } })
  const allDeadlines = sort === 'urgency' ? await deadlinesForOrders({ merchantId, references: blocked.map((o) => o.reference), now }) : null
  const ranked = [...blocked].sort(
    allDeadlines
      ? (a, b) => compareDeadlines(allDeadlines.get(a.reference), allDeadlines.get(b.reference)) || a.reference.localeCompare(b.reference)
      : newestFirst,
  )
  // The exact reference leads page 1, as in the orders list.
  const exact = q ? ranked.findIndex((o) => o.reference === q) : -1
  if (exact > 0) ranked.unshift(...ranked.splice(exact, 1))

  const references = ranked.slice((page - 1) * pageSize, page * pageSize).map((o) => o.reference)
  const [rows, deadlines] = await Promise.all([
    references.length > 0 ? db.order.findMany({ where: { merchantId, reference: { in: references } }, select: rowSelect }) : [],
    allDeadlines ?? deadlinesForOrders({ merchantId, references, now }),
  ])
  const byReference = new Map(rows.map((r) => [r.reference, r]))
  const orders = references.flatMap((reference) => {
    const row = byReference.get(reference)
    const d = deadlines.get(reference)
    return row && d ? [toSummary(row, d)] : []
  })
  return { orders, total: ranked.length, page, pageSize, pageCount: Math.max(1, Math.ceil(ranked.length / pageSize)), sort }
}

function compareDeadlines(a: OrderDeadlines | undefined, b: OrderDeadlines | undefined): number {
  return a && b ? compareByUrgency(a, b) : 0
}

function toSummary(row: Prisma.OrderGetPayload<{ select: typeof rowSelect }>, deadlines: OrderDeadlines): AddressErrorSummary {
  const ship = row.addresses[0]
  return {
    reference: row.reference,
    placedAt: row.placedAt,
    checkedAt: row.addressCheckedAt,
    buyerName: [ship?.firstName, ship?.lastName].filter(Boolean).join(' ') || null,
    company: ship?.company ?? null,
    city: ship?.city ?? null,
    country: ship?.country ?? null,
    issues: StoredIssues.parse(row.addressIssues)
      .filter((i) => i.severity === 'error')
      .map((i) => ({ code: i.code, field: i.field, ...(i.params ? { params: i.params } : {}) })),
    carrierRejection: parseCarrierRejection(row.carrierRejection),
    deadlines,
  }
}
