// Re-sends a line's cancellation (the re-sync of a CANCEL issue). What the warehouse asked — the
// new state, the return reason, the customer's message — is in the payload of the issue's last
// CANCEL task; a new task carries it again. Not being the warehouse flow's first run, it reads Back
// Market first (run-sync-task), so a line already ended there is not cancelled twice.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma, type SyncTask } from '@/lib/generated/prisma/client'
import { enqueueSyncTask } from './enqueue-sync-task'
import { auditResync } from './request-order-resync'

export async function requestCancelResync(opts: {
  merchantId: string
  issue: { orderId: string | null; sku: string | null; lastTaskId: string | null; reference?: string | null }
  actor: AuditActor
  origin: 'issue' | 'bulk'
}): Promise<{ task: SyncTask; created: boolean }> {
  const { orderId, sku, lastTaskId } = opts.issue
  const last =
    orderId && sku
      ? await db.syncTask.findFirst({
          where: { merchantId: opts.merchantId, operation: 'CANCEL', orderId, sku, ...(lastTaskId ? { id: lastTaskId } : {}) },
          orderBy: { createdAt: 'desc' },
          select: { payload: true },
        })
      : null
  if (!orderId || !sku || !last || last.payload === null) {
    throw new AppError('not_found', { message: `no CANCEL task to re-send for order ${orderId} line ${sku}`, userMessage: 'There is no cancellation to send again for this line.' })
  }
  return enqueueSyncTask(
    {
      merchantId: opts.merchantId,
      operation: 'CANCEL',
      orderId,
      sku,
      origin: opts.origin,
      requestedById: actorUserId(opts.actor) ?? undefined,
      payload: last.payload as Prisma.InputJsonValue,
    },
    auditResync({ actor: opts.actor, merchantId: opts.merchantId, reference: opts.issue.reference, sku }),
  )
}
