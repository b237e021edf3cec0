// The SKU Back Market knows for each of our SKUs: a merchant's mapping when they made one
// (after a rename on our side), else our SKU unchanged.
import 'server-only'
import { db } from '@/lib/db'

export async function bmSkusFor(merchantId: string, ourSkus: readonly string[]): Promise<(sku: string) => string> {
  const unique = [...new Set(ourSkus)]
  const mappings = unique.length ? await db.skuMapping.findMany({ where: { merchantId, ourSku: { in: unique } }, select: { ourSku: true, bmSku: true } }) : []
  const map = new Map(mappings.map((m) => [m.ourSku, m.bmSku]))
  return (sku) => map.get(sku) ?? sku
}
