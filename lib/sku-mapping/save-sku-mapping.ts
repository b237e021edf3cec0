// A merchant maps one of our SKUs to Back Market's, then what failed for want of it is re-synced.
// The guard first: with warnings the mapping is saved only once the merchant has seen them and
// confirmed (409 carrying them otherwise). The issues are not resolved here: each resolves itself
// when its re-sync succeeds, so an issue never reads "resolved" on a mapping that did not help.
// A SKU whose stock waits for a Back Market listing is rechecked under its new name at once.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'
import { ACTIVE_ISSUE_STATUSES } from '@/lib/sync/issue-lifecycle'
import { recheckMissingListings } from '@/lib/sync/recheck-missing-listings'
import { requestBulkResync, type BulkResult } from '@/lib/sync/request-bulk-resync'
import { getSkuMappingImpact } from './sku-mapping-impact'
import type { SkuMappingImpact } from './sku-mapping-rules'
import { toSkuMappingView, type SkuMappingView } from './sku-mapping-view'

/** The active issues the mapping can fix: "not found" on accepting an order carrying our SKU, and stock updates of our SKU. */
async function issuesToResync(merchantId: string, ourSku: string): Promise<string[]> {
  const active = { merchantId, status: { in: [...ACTIVE_ISSUE_STATUSES] } }
  const [accepts, stock] = await Promise.all([
    // Only an accept sends a SKU: shipping moves every line at once without one, so a 404 on
    // shipping is an unknown order_id, which no mapping fixes.
    db.syncIssue.findMany({ where: { ...active, operation: 'ACCEPT', kind: 'NOT_FOUND', orderId: { not: null } }, select: { id: true, orderId: true } }),
    db.syncIssue.findMany({ where: { ...active, operation: 'STOCK', sku: ourSku }, select: { id: true } }),
  ])
  const orderIds = accepts.map((i) => i.orderId!)
  const carrying = orderIds.length
    ? new Set((await db.orderLine.findMany({ where: { merchantId, orderId: { in: orderIds }, sku: ourSku }, select: { orderId: true } })).map((l) => l.orderId))
    : new Set<string>()
  return [...accepts.filter((i) => carrying.has(i.orderId!)), ...stock].map((i) => i.id)
}

export async function saveSkuMapping(opts: {
  merchantId: string
  actor: AuditActor
  ourSku: string
  bmSku: string
  confirm: boolean
}): Promise<{ mapping: SkuMappingView; created: boolean; impact: SkuMappingImpact; syncs: BulkResult[] }> {
  const { merchantId, ourSku, bmSku } = opts
  const impact = await getSkuMappingImpact({ merchantId, ourSku, bmSku })
  if (impact.needsConfirmation && !opts.confirm) {
    throw new AppError('conflict', {
      message: `SKU mapping ${ourSku} → ${bmSku} needs confirmation: ${impact.warnings.map((w) => w.code).join(', ')}`,
      userMessage: 'This mapping needs your confirmation: read the warnings first.',
      details: { impact },
    })
  }

  const { mapping, created } = await db.$transaction(async (tx) => {
    const before = await tx.skuMapping.findUnique({ where: { merchantId_ourSku: { merchantId, ourSku } }, select: { id: true, bmSku: true } })
    // The warnings were about the mapping as it was then; if someone changed it since, they are stale.
    if ((before?.bmSku ?? null) !== (impact.currentMapping?.bmSku ?? null)) {
      throw new AppError('conflict', { userMessage: 'Someone changed this SKU’s mapping meanwhile: check the impact again.' })
    }
    const mapping = await tx.skuMapping.upsert({
      where: { merchantId_ourSku: { merchantId, ourSku } },
      create: { merchantId, ourSku, bmSku, createdById: actorUserId(opts.actor) },
      update: { bmSku },
    })
    // The listing id cached for our product was found under the SKU we used to send: look it up
    // again under the new one, so stock goes to the listing the merchant just named.
    if (before?.bmSku !== bmSku) await tx.product.updateMany({ where: { merchantId, sku: ourSku }, data: { bmListingId: null } })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId,
      action: 'sku_mapping.saved',
      subject: { type: 'sku_mapping', id: mapping.id },
      before: before ? { ourSku, bmSku: before.bmSku } : null,
      after: { ourSku, bmSku },
    })
    return { mapping, created: before === null }
  })

  // Even with its issue dismissed (no re-sync below), the stock goes out once the listing is found.
  // The mapping is saved whatever Back Market answers: the scheduled recheck tries again.
  await recheckMissingListings({ merchantId, skus: [ourSku] }).catch((err: unknown) => log.warn({ err, merchantId, ourSku }, 'listing recheck after a SKU mapping failed'))
  const issueIds = await issuesToResync(merchantId, ourSku)
  const syncs = issueIds.length ? await requestBulkResync({ merchantId, actor: opts.actor, issueIds }) : []
  return { mapping: toSkuMappingView(mapping), created, impact, syncs }
}
