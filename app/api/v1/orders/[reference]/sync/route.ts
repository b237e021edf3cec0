// POST /api/v1/orders/{reference}/sync — re-sync one order with Back Market; 202 with the task, Location to follow it (Idempotency-Key honoured)
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { resyncOrderV1 } from '@/lib/api-v1/merchant/resync-order'
import { resyncOrderOperation } from '@/lib/api-v1/operations/orders'
import { v1Route } from '@/lib/api-v1/route'

export const POST = v1Route(resyncOrderOperation, async ({ principal, params }) => {
  const answer = await resyncOrderV1({ merchantId: merchantOf(principal), reference: params.reference, actor: principal.actor })
  return { status: 202, body: answer, headers: { Location: `/api/v1/sync-tasks/${answer.sync.id}` } }
})
