// A merchant asks to re-sync an order: the update Back Market needs is queued (or the one already
// pending is returned — a second click never sends twice), and the caller gets its sync id to watch.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { enqueueSyncTask } from './enqueue-sync-task'
import { refusalError } from './refusals'
import { syncOperationForOrder } from './sync-operation-for-order'

export async function requestOrderResync(opts: {
  merchantId: string
  reference: string
  userId?: string
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
  return enqueueSyncTask({
    merchantId: opts.merchantId,
    operation: plan.operation,
    orderId: order.id,
    origin: opts.origin ?? 'resync',
    requestedById: opts.userId,
    payload:
      plan.operation === 'SHIP'
        ? { trackingNumber: order.trackingNumber!, trackingUrl: order.trackingUrl ?? undefined, shipper: order.shipper ?? undefined, dateShipping: order.shippedAt?.toISOString() }
        : undefined,
  })
}
