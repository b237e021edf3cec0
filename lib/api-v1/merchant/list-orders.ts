// GET /api/v1/orders: a keyset page of the merchant's orders, each with where it stands on Back
// Market and the newest sync of each operation. Two reads for a page, whatever its size.
import 'server-only'
import { toCursorPage, type CursorPage } from '@/lib/api-v1/cursor'
import { orderSummaryView } from '@/lib/api-v1/merchant/order-views'
import type { OrderSummaryV1 } from '@/lib/api-v1/schemas/order'
import { orderPositionCursor } from '@/lib/api-v1/schemas/order-position-cursor'
import { listOrdersAfter, type ListOrdersAfterOptions } from '@/lib/orders/list-orders-after'
import { latestSyncsOfOrders } from '@/lib/sync/latest-order-syncs'

export async function listOrdersV1(opts: ListOrdersAfterOptions): Promise<CursorPage<OrderSummaryV1>> {
  const page = toCursorPage(await listOrdersAfter(opts), opts.limit, orderPositionCursor)
  const syncs = await latestSyncsOfOrders({ merchantId: opts.merchantId, orderIds: page.data.map((o) => o.id) })
  return { data: page.data.map((o) => orderSummaryView(o, syncs.get(o.id) ?? [])), nextCursor: page.nextCursor }
}
