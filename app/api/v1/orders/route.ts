// GET /api/v1/orders — the key's merchant's orders, newest first, a cursor page at a time (?q=, &status=, &cursor=, &limit=)
import { listOrdersV1 } from '@/lib/api-v1/merchant/list-orders'
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { listOrdersOperation } from '@/lib/api-v1/operations/orders'
import { v1Route } from '@/lib/api-v1/route'

export const GET = v1Route(listOrdersOperation, async ({ principal, query: { cursor, ...filters } }) => ({
  status: 200,
  body: await listOrdersV1({ merchantId: merchantOf(principal), ...filters, after: cursor }),
}))
