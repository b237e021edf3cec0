// The merchant's orders newest first, one keyset page at a time (the /api/v1 list): the orders
// after a position, filtered like the dashboard's list (status, reference prefix). Reads
// `limit + 1` rows so the caller knows whether another page follows. Always scoped by merchantId.
import 'server-only'
import { db } from '@/lib/db'
import type { OrderStatus, Prisma } from '@/lib/generated/prisma/client'
import { afterPosition, NEWEST_FIRST, type OrderPosition } from '@/lib/orders/order-position'
import { referencePrefixWhere } from '@/lib/orders/reference-prefix'

export type ListOrdersAfterOptions = {
  merchantId: string
  /** A reference or the start of one (digits; validated by ListOrdersQuerySchema). */
  q?: string
  status?: OrderStatus
  after?: OrderPosition
  limit: number
}

const rowSelect = {
  id: true,
  reference: true,
  status: true,
  placedAt: true,
  currency: true,
  totalPrice: true,
  bmState: true,
  bmSeenAt: true,
  lines: { select: { bmOrderlineId: true, listing: true, sku: true, quantity: true, bmState: true }, orderBy: { bmOrderlineId: 'asc' } },
} satisfies Prisma.OrderSelect

export type OrderStateRow = Prisma.OrderGetPayload<{ select: typeof rowSelect }>

export async function listOrdersAfter({ merchantId, q, status, after, limit }: ListOrdersAfterOptions): Promise<OrderStateRow[]> {
  const filters: Prisma.OrderWhereInput = { merchantId, ...(status ? { status } : {}), ...(q ? { reference: referencePrefixWhere(q) } : {}) }
  return db.order.findMany({ where: { AND: [filters, afterPosition(after)] }, orderBy: NEWEST_FIRST, take: limit + 1, select: rowSelect })
}
