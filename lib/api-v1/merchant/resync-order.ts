// POST /api/v1/orders/{reference}/sync: the dashboard's re-sync (lib/sync/request-order-resync),
// recorded as asked by the merchant's own tool (the audit names its API key), answered with the task to follow.
import 'server-only'
import type { SyncTaskV1 } from '@/lib/api-v1/schemas/sync-task'
import type { AuditActor } from '@/lib/audit/actor'
import { getSyncStatusOrThrow } from '@/lib/sync/get-sync-status'
import { requestOrderResync } from '@/lib/sync/request-order-resync'

export async function resyncOrderV1(opts: { merchantId: string; reference: string; actor: AuditActor }): Promise<{ sync: SyncTaskV1; created: boolean }> {
  const { task, created } = await requestOrderResync({ ...opts, origin: 'api' })
  return { sync: await getSyncStatusOrThrow({ merchantId: opts.merchantId, id: task.id }), created }
}
