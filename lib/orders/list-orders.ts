// The merchant's orders, one page at a time: search by reference (exact match first, then
// prefix), filter by status, newest first. Always scoped by merchantId.
import 'server-only'
import { db } from '@/lib/db'
import type { OrderStatus, Prisma } from '@/lib/generated/prisma/client'
import { referencePrefixWhere } from '@/lib/orders/reference-prefix'

export type ListOrdersOptions = {
  merchantId: string
  /** A reference or the start of one (digits; validated by ListOrdersQuerySchema). */
  q?: string
  status?: OrderStatus
  page: number
  pageSize: number
}

const summarySelect = {
  reference: true,
  status: true,
  bmState: true,
  placedAt: true,
  countryCode: true,
  currency: true,
  totalPrice: true,
  addresses: { where: { kind: 'CURRENT' }, select: { firstName: true, lastName: true, city: true, country: true } },
  // Not `_count`: Prisma 7.10 compiles a relation count into a GROUP BY over the whole OrderLine
  // table joined afterwards (prisma/orm#23669). The ids of the page's lines come from the
  // (orderId, bmOrderlineId) unique index instead.
  lines: { select: { bmOrderlineId: true } },
} satisfies Prisma.OrderSelect

// placedAt desc matches the (merchantId, placedAt desc) index; reference breaks ties so that
// pages never overlap or skip rows.
const newestFirst = [{ placedAt: 'desc' }, { reference: 'asc' }] satisfies Prisma.OrderOrderByWithRelationInput[]

type SummaryRow = Prisma.OrderGetPayload<{ select: typeof summarySelect }>

export type OrderSummary = ReturnType<typeof toSummary>

function toSummary(row: SummaryRow) {
  const ship = row.addresses[0]
  return {
    reference: row.reference,
    status: row.status,
    bmState: row.bmState,
    placedAt: row.placedAt,
    countryCode: row.countryCode,
    currency: row.currency,
    // Decimal leaves the domain as a string with its 2 decimals: exact, and JSON-safe.
    totalPrice: row.totalPrice?.toFixed(2) ?? null,
    customerName: [ship?.firstName, ship?.lastName].filter(Boolean).join(' ') || null,
    shipToCity: ship?.city ?? null,
    shipToCountry: ship?.country ?? null,
    lineCount: row.lines.length,
  }
}

export type OrderPage = {
  orders: OrderSummary[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export async function listOrders({ merchantId, q, status, page, pageSize }: ListOrdersOptions): Promise<OrderPage> {
  const where: Prisma.OrderWhereInput = { merchantId, ...(status ? { status } : {}) }
  if (q) where.reference = referencePrefixWhere(q)

  const [total, exact] = await Promise.all([
    db.order.count({ where }),
    q ? db.order.findFirst({ where: { ...where, reference: q }, select: summarySelect }) : null,
  ])

  // The exact match is pinned to the top of page 1; the other matches follow in date order,
  // shifted by one slot on every page.
  const pinned = exact ? 1 : 0
  const start = (page - 1) * pageSize
  const rest = await db.order.findMany({
    where: exact ? { AND: [where, { reference: { not: q } }] } : where,
    orderBy: newestFirst,
    skip: Math.max(0, start - pinned),
    take: page === 1 ? pageSize - pinned : pageSize,
    select: summarySelect,
  })

  const rows = page === 1 && exact ? [exact, ...rest] : rest
  return { orders: rows.map(toSummary), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
