// The merchant's SKU mappings (our SKU → Back Market's), alphabetically by our SKU.
import 'server-only'
import { db } from '@/lib/db'
import { toSkuMappingView, type SkuMappingView } from './sku-mapping-view'

export async function listSkuMappings(opts: { merchantId: string }): Promise<SkuMappingView[]> {
  const rows = await db.skuMapping.findMany({ where: { merchantId: opts.merchantId }, orderBy: { ourSku: 'asc' } })
  return rows.map(toSkuMappingView)
}
