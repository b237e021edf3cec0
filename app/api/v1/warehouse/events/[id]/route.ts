// GET /api/v1/warehouse/events/[id]?merchantId= — one reported event: its state and what applying it did
import { getWarehouseEventOperation } from '@/lib/api-v1/operations/warehouse-events'
import { v1Route } from '@/lib/api-v1/route'
import { getWarehouseEventOrThrow } from '@/lib/warehouse-events/get-warehouse-event'

export const GET = v1Route(getWarehouseEventOperation, async ({ params, query }) => ({
  status: 200,
  body: await getWarehouseEventOrThrow({ merchantId: query.merchantId, eventId: params.id }),
}))
