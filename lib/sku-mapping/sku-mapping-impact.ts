// The guard, server side: gathers what a mapping ourSku → bmSku would touch (open orders, our
// products, the merchant's other mappings) and lets the rules say what it fixes, breaks or
// collides with. Reads only; the same answer serves the preview and the save.
import 'server-only'
import { sameCatalogueSku } from '@/lib/backmarket/catalogue-sku'
import { db } from '@/lib/db'
import { equalsIgnoringCase } from '@/lib/db/like-pattern'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { evaluateSkuMappingImpact, type SkuMappingImpact } from './sku-mapping-rules'

/** Orders whose next update to Back Market may still carry a SKU: not shipped, not cancelled. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['CREATED', 'VALIDATED', 'PICKING', 'PACKED']

export async function getSkuMappingImpact(opts: { merchantId: string; ourSku: string; bmSku: string }): Promise<SkuMappingImpact> {
  const { merchantId, ourSku, bmSku } = opts
  const open = { merchantId, status: { in: [...OPEN_ORDER_STATUSES] } }
  const [linesWithOurSku, linesUsingBmSku, product, sameNamedProducts, mappings, anyLine] = await Promise.all([
    db.orderLine.findMany({ where: { merchantId, sku: ourSku, order: open }, select: { listing: true, order: { select: { reference: true } } } }),
    db.orderLine.findMany({ where: { merchantId, listing: bmSku, order: open }, select: { order: { select: { reference: true } } } }),
    db.product.findUnique({ where: { merchantId_sku: { merchantId, sku: ourSku } }, select: { bmListingId: true } }),
    // Back Market's catalogue ignores case: our product "abc" and a mapping to "ABC" are one listing.
    db.product.findMany({ where: { merchantId, sku: equalsIgnoringCase(bmSku), NOT: { sku: ourSku } }, select: { sku: true } }),
    db.skuMapping.findMany({ where: { merchantId, OR: [{ ourSku }, { bmSku: equalsIgnoringCase(bmSku) }] }, select: { ourSku: true, bmSku: true } }),
    db.orderLine.findFirst({ where: { merchantId, sku: ourSku }, select: { id: true } }),
  ])
  const current = mappings.find((m) => m.ourSku === ourSku)
  const mappedAway = new Set(
    sameNamedProducts.length
      ? (await db.skuMapping.findMany({ where: { merchantId, ourSku: { in: sameNamedProducts.map((p) => p.sku) } }, select: { ourSku: true } })).map((m) => m.ourSku)
      : [],
  )
  return evaluateSkuMappingImpact({
    ourSku,
    bmSku,
    openLinesWithOurSku: linesWithOurSku.map((l) => ({ reference: l.order.reference, listing: l.listing })),
    openOrdersUsingBmSku: linesUsingBmSku.map((l) => l.order.reference),
    product: { exists: product !== null, bmListingId: product?.bmListingId ?? null },
    // A product of ours mapped elsewhere no longer sends its own SKU to Back Market.
    productsNamedBmSku: sameNamedProducts.map((p) => p.sku).filter((sku) => !mappedAway.has(sku)),
    currentMapping: current ? { bmSku: current.bmSku } : null,
    otherSkusMappedToBmSku: mappings.filter((m) => m.ourSku !== ourSku && sameCatalogueSku(m.bmSku, bmSku)).map((m) => m.ourSku),
    ourSkuOnAnyOrder: anyLine !== null,
  })
}
