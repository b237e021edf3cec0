// One order of the merchant's, with its lines and both addresses. Another merchant's order is
// "not found", exactly like a reference that does not exist: its existence is not revealed.
import 'server-only'
import { parseCarrierRejection } from '@/lib/addresses/carrier-rejection'
import { toAddress } from '@/lib/addresses/to-address'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { OrderAddress, Prisma } from '@/lib/generated/prisma/client'
import { isOrderReference } from '@/lib/orders/order-reference'

const detailInclude = {
  lines: { orderBy: { bmOrderlineId: 'asc' } },
  addresses: true,
} satisfies Prisma.OrderInclude

type DetailRow = Prisma.OrderGetPayload<{ include: typeof detailInclude }>

export type OrderAddressView = Omit<OrderAddress, 'id' | 'orderId' | 'kind'>

function addressView(a: OrderAddress | undefined): OrderAddressView | null {
  return a ? { ...toAddress(a), updatedAt: a.updatedAt } : null
}

function toDetail(o: DetailRow) {
  return {
    reference: o.reference,
    status: o.status,
    version: o.version,
    countryCode: o.countryCode,
    currency: o.currency,
    totalPrice: o.totalPrice?.toFixed(2) ?? null,
    shippingPrice: o.shippingPrice?.toFixed(2) ?? null,
    shipper: o.shipper,
    trackingNumber: o.trackingNumber,
    trackingUrl: o.trackingUrl,
    placedAt: o.placedAt,
    expectedDispatchAt: o.expectedDispatchAt,
    bmState: o.bmState,
    bmDateModification: o.bmDateModification,
    bmSeenAt: o.bmSeenAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lines: o.lines.map((l) => ({
      // BigInt does not survive JSON; Back Market ids are opaque to us anyway.
      bmOrderlineId: l.bmOrderlineId.toString(),
      listing: l.listing,
      sku: l.sku,
      productTitle: l.productTitle,
      quantity: l.quantity,
      price: l.price?.toFixed(2) ?? null,
      bmState: l.bmState,
      imei: l.imei,
      serialNumber: l.serialNumber,
    })),
    /** A carrier's refusal of the address at label creation, while it stands. */
    carrierRejection: parseCarrierRejection(o.carrierRejection),
    addresses: {
      original: addressView(o.addresses.find((a) => a.kind === 'ORIGINAL')),
      current: addressView(o.addresses.find((a) => a.kind === 'CURRENT')),
    },
  }
}

export type OrderDetail = ReturnType<typeof toDetail>
export type OrderLineView = OrderDetail['lines'][number]

export async function getOrderByReferenceOrThrow({
  merchantId,
  reference,
}: {
  merchantId: string
  reference: string
}): Promise<OrderDetail> {
  const order = isOrderReference(reference)
    ? await db.order.findUnique({ where: { merchantId_reference: { merchantId, reference } }, include: detailInclude })
    : null
  if (!order) {
    throw new AppError('not_found', { message: `order ${reference} not found for merchant ${merchantId}`, userMessage: 'Order not found.' })
  }
  return toDetail(order)
}
