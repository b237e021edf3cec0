// A merchant removes a SKU mapping: later accepts and stock updates send our SKU unchanged again.
// Another merchant's mapping is "not found".
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { toSkuMappingView, type SkuMappingView } from './sku-mapping-view'

export async function deleteSkuMapping(opts: { merchantId: string; id: string }): Promise<SkuMappingView> {
  return db.$transaction(async (tx) => {
    const mapping = await tx.skuMapping.findFirst({ where: { id: opts.id, merchantId: opts.merchantId } })
    if (!mapping) throw new AppError('not_found', { userMessage: 'SKU mapping not found' })
    await tx.skuMapping.deleteMany({ where: { id: mapping.id, merchantId: opts.merchantId } })
    // The cached listing was found under the mapped SKU: stock must look our own SKU up again.
    await tx.product.updateMany({ where: { merchantId: opts.merchantId, sku: mapping.ourSku }, data: { bmListingId: null } })
    return toSkuMappingView(mapping)
  })
}
