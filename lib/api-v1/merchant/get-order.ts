// GET /api/v1/orders/{reference}: the dashboard's view of the order (lines, addresses, Back
// Market state), plus what blocks it (our address check, a carrier's refusal) and its syncs.
// Another merchant's order is "not found", exactly like a reference that does not exist.
import 'server-only'
import { carrierRejectionView, orderSyncView, storedAddressIssues } from '@/lib/api-v1/merchant/order-views'
import type { OrderDetailV1 } from '@/lib/api-v1/schemas/order'
import { db } from '@/lib/db'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'
import { latestSyncsOfOrders } from '@/lib/sync/latest-order-syncs'
import { iso, isoOrNull } from '@/lib/api-v1/schemas/common'

export async function getOrderV1(opts: { merchantId: string; reference: string }): Promise<OrderDetailV1> {
  const [order, blocks] = await Promise.all([
    getOrderByReferenceOrThrow(opts),
    db.order.findUnique({
      where: { merchantId_reference: opts },
      select: {
        id: true,
        addressIssues: true,
        addressCheckedAt: true,
        carrierRejection: true,
        carrierRejectedAt: true,
        lines: { where: { cancelledAt: { not: null } }, select: { bmOrderlineId: true, cancelledAt: true } },
      },
    }),
  ])
  const syncs = blocks ? await latestSyncsOfOrders({ merchantId: opts.merchantId, orderIds: [blocks.id] }) : new Map()
  const { addresses, lines, ...rest } = order
  const cancelledAt = new Map(blocks?.lines.map((l) => [l.bmOrderlineId.toString(), l.cancelledAt]))
  return {
    ...rest,
    placedAt: isoOrNull(order.placedAt),
    expectedDispatchAt: isoOrNull(order.expectedDispatchAt),
    bmDateModification: iso(order.bmDateModification),
    bmSeenAt: iso(order.bmSeenAt),
    createdAt: iso(order.createdAt),
    updatedAt: iso(order.updatedAt),
    lines: lines.map((l) => ({ ...l, cancelledAt: isoOrNull(cancelledAt.get(l.bmOrderlineId) ?? null) })),
    shippingAddress: addresses.current ? { ...addresses.current, updatedAt: iso(addresses.current.updatedAt) } : null,
    addressCheck: blocks?.addressCheckedAt ? { checkedAt: iso(blocks.addressCheckedAt), issues: storedAddressIssues(blocks.addressIssues) } : null,
    carrierRejection: carrierRejectionView(blocks?.carrierRejection, blocks?.carrierRejectedAt ?? null),
    sync: (blocks ? (syncs.get(blocks.id) ?? []) : []).map(orderSyncView),
  }
}
