// A merchant asks to re-sync an order: the update Back Market needs is queued (or the one already
// pending is returned — a second click never sends twice), and the caller gets its sync id to watch.
// A re-sync that creates a task is audited with it (who asked: a person, or an API key through
// /api/v1); joining the pending one changes nothing and records nothing.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma, SyncTask } from '@/lib/generated/prisma/client'
import { enqueueSyncTask } from './enqueue-sync-task'
import { refusalError } from './refusals'
import { syncOperationForOrder } from './sync-operation-for-order'

export async function requestOrderResync(opts: {
  merchantId: string
  reference: string
  actor: AuditActor
  origin?: 'resync' | 'bulk' | 'issue' | 'api'
}): Promise<{ task: SyncTask; created: boolean }> {
  const order = await db.order.findUnique({
    where: { merchantId_reference: { merchantId: opts.merchantId, reference: opts.reference } },
    select: { id: true, status: true, addressIssues: true, trackingNumber: true, trackingUrl: true, shipper: true, shippedAt: true },
  })
  if (!order) throw new AppError('not_found', { userMessage: `Order ${opts.reference} not found` })
  const hasAddressErrors = Array.isArray(order.addressIssues) && order.addressIssues.some((i) => (i as { severity?: string })?.severity === 'error')
  const plan = syncOperationForOrder(order.status, hasAddressErrors)
  if (!plan.operation) throw refusalError(plan.reason, { details: { status: order.status } })
  if (plan.operation === 'SHIP' && !order.trackingNumber) throw refusalError('no_tracking_number')
  return enqueueSyncTask(
    {
      merchantId: opts.merchantId,
      operation: plan.operation,
      orderId: order.id,
      origin: opts.origin ?? 'resync',
      requestedById: actorUserId(opts.actor) ?? undefined,
      payload:
        plan.operation === 'SHIP'
          ? { trackingNumber: order.trackingNumber!, trackingUrl: order.trackingUrl ?? undefined, shipper: order.shipper ?? undefined, dateShipping: order.shippedAt?.toISOString() }
          : undefined,
    },
    auditResync({ actor: opts.actor, merchantId: opts.merchantId, reference: opts.reference }),
  )
}

/** The audit row of a re-sync, written in the transaction that creates its task. */
export function auditResync(opts: { actor: AuditActor; merchantId: string; reference?: string | null; sku?: string | null }) {
  return (tx: Prisma.TransactionClient, task: SyncTask) =>
    recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'order.resync_requested',
      orderReference: opts.reference ?? null,
      subject: { type: 'sync_task', id: task.id },
      after: { operation: task.operation, origin: task.origin, ...(opts.sku ? { sku: opts.sku } : {}) },
    })
}
