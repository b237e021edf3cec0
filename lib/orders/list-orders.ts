// The merchant's orders, one page at a time: search by reference (exact match first, then
// prefix), filter by status, newest first. Always scoped by merchantId. One named statement per
// page (list-orders-sql.ts, ADR 0014): the list is the dashboard's landing page and its search.
import 'server-only'
import { runPrepared } from '@/lib/db/prepared'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { LIST_ORDERS, type OrderSummaryRow } from '@/lib/orders/list-orders-sql'
import { referencePrefixRange } from '@/lib/orders/reference-prefix'

export type ListOrdersOptions = {
  merchantId: string
  /** A reference or the start of one (digits; validated by ListOrdersQuerySchema). */
  q?: string
  status?: OrderStatus
  page: number
  pageSize: number
}

export type OrderSummary = {
  reference: string
  status: OrderStatus
  bmState: number
  placedAt: Date | null
  countryCode: string | null
  currency: string | null
  /** Decimal leaves the domain as a string with its 2 decimals: exact, and JSON-safe. */
  totalPrice: string | null
  customerName: string | null
  shipToCity: string | null
  shipToCountry: string | null
  lineCount: number
}

export type OrderPage = {
  orders: OrderSummary[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

type PageRow = OrderSummaryRow & { reference: string; status: OrderStatus; bmState: number; lineCount: number }

function toSummary(row: PageRow): OrderSummary {
  return {
    reference: row.reference,
    status: row.status,
    bmState: row.bmState,
    placedAt: row.placedAt,
    countryCode: row.countryCode,
    currency: row.currency,
    totalPrice: row.totalPrice,
    customerName: [row.firstName, row.lastName].filter(Boolean).join(' ') || null,
    shipToCity: row.city,
    shipToCountry: row.country,
    lineCount: row.lineCount,
  }
}

function readPage({ merchantId, q, status, page, pageSize }: ListOrdersOptions): Promise<OrderSummaryRow[]> {
  const offset = (page - 1) * pageSize
  if (!q) return status ? runPrepared(LIST_ORDERS.listByStatus, [merchantId, offset, pageSize, status]) : runPrepared(LIST_ORDERS.list, [merchantId, offset, pageSize])
  const { first, last, pattern } = referencePrefixRange(q)
  const values = [merchantId, first, last, pattern, offset, pageSize]
  return status ? runPrepared(LIST_ORDERS.searchByStatus, [...values, status]) : runPrepared(LIST_ORDERS.search, values)
}

export async function listOrders(options: ListOrdersOptions): Promise<OrderPage> {
  const rows = await readPage(options)
  // Past the end the statement still answers one row: the count, and no order.
  const total = rows[0]?.total ?? 0
  const orders = rows.filter((r): r is PageRow => r.reference !== null).map(toSummary)
  const { page, pageSize } = options
  return { orders, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
