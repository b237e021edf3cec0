// A merchant removes a SKU mapping: later accepts and stock updates send our SKU unchanged again.
// Another merchant's mapping is "not found".
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { toSkuMappingView, type SkuMappingView } from './sku-mapping-view'

export async function deleteSkuMapping(opts: { merchantId: string; id: string; actor: AuditActor }): Promise<SkuMappingView> {
  return db.$transaction(async (tx) => {
    const mapping = await tx.skuMapping.findFirst({ where: { id: opts.id, merchantId: opts.merchantId } })
    if (!mapping) throw new AppError('not_found', { userMessage: 'SKU mapping not found' })
    // Deleted meanwhile by someone else: theirs is the change the audit records, not ours.
    const { count } = await tx.skuMapping.deleteMany({ where: { id: mapping.id, merchantId: opts.merchantId } })
    if (count === 0) throw new AppError('not_found', { userMessage: 'SKU mapping not found' })
    // The cached listing was found under the mapped SKU: stock must look our own SKU up again.
    await tx.product.updateMany({ where: { merchantId: opts.merchantId, sku: mapping.ourSku }, data: { bmListingId: null } })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'sku_mapping.deleted',
      subject: { type: 'sku_mapping', id: mapping.id },
      before: { ourSku: mapping.ourSku, bmSku: mapping.bmSku },
    })
    return toSkuMappingView(mapping)
  })
}
