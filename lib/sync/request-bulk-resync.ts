// Re-sync many orders, or the orders and SKUs behind some sync issues: each gets its own sync (or
// joins its pending one); one that cannot be re-synced says why without stopping the others.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { enqueueSyncTask } from './enqueue-sync-task'
import { ACTIVE_ISSUE_STATUSES } from './issue-lifecycle'
import { refusalOf, type Refusal } from './refusals'
import { requestCancelResync } from './request-cancel-resync'
import { auditResync, requestOrderResync } from './request-order-resync'

/** `error` is the English reason; `refusal` (when known) says it in the merchant's language. */
export type BulkResult = { reference: string | null; sku: string | null; syncId: string | null; created: boolean; error: string | null; refusal?: Refusal | null }

async function one(fn: () => Promise<{ task: { id: string }; created: boolean }>, key: { reference: string | null; sku: string | null }): Promise<BulkResult> {
  try {
    const { task, created } = await fn()
    return { ...key, syncId: task.id, created, error: null, refusal: null }
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    return { ...key, syncId: null, created: false, error: err.userMessage, refusal: refusalOf(err) }
  }
}

export async function requestBulkResync(opts: { merchantId: string; actor: AuditActor; references?: string[]; issueIds?: string[] }): Promise<BulkResult[]> {
  const results: BulkResult[] = []
  for (const reference of new Set(opts.references ?? [])) {
    results.push(await one(() => requestOrderResync({ merchantId: opts.merchantId, reference, actor: opts.actor, origin: 'bulk' }), { reference, sku: null }))
  }
  if (opts.issueIds?.length) {
    const issues = await db.syncIssue.findMany({
      where: { id: { in: opts.issueIds }, merchantId: opts.merchantId, status: { in: [...ACTIVE_ISSUE_STATUSES] } },
      select: { operation: true, reference: true, sku: true, orderId: true, lastTaskId: true },
    })
    for (const issue of issues) {
      if (issue.operation === 'STOCK' && issue.sku) {
        const sku = issue.sku
        const requestedById = actorUserId(opts.actor) ?? undefined
        const audit = auditResync({ actor: opts.actor, merchantId: opts.merchantId, sku })
        results.push(await one(() => enqueueSyncTask({ merchantId: opts.merchantId, operation: 'STOCK', sku, origin: 'issue', requestedById }, audit), { reference: null, sku }))
      } else if (issue.operation === 'CANCEL') {
        // A line's cancellation, not the order's next step: the same cancellation again.
        results.push(await one(() => requestCancelResync({ merchantId: opts.merchantId, issue, actor: opts.actor, origin: 'issue' }), { reference: issue.reference, sku: issue.sku }))
      } else if (issue.reference) {
        const reference = issue.reference
        results.push(await one(() => requestOrderResync({ merchantId: opts.merchantId, reference, actor: opts.actor, origin: 'issue' }), { reference, sku: null }))
      }
    }
  }
  return results
}
