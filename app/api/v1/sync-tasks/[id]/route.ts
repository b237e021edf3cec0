// GET /api/v1/sync-tasks/{id} — where one of the key's merchant's syncs is: queued, sent, accepted, verified, or failed and why
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { getSyncTaskOperation } from '@/lib/api-v1/operations/sync'
import { v1Route } from '@/lib/api-v1/route'
import { syncTaskView } from '@/lib/api-v1/schemas/sync-task'
import { getSyncStatusOrThrow } from '@/lib/sync/get-sync-status'

export const GET = v1Route(getSyncTaskOperation, async ({ principal, params }) => ({
  status: 200,
  body: { sync: syncTaskView(await getSyncStatusOrThrow({ merchantId: merchantOf(principal), id: params.id })) },
}))
