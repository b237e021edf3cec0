// GET /api/v1/orders/{reference} — one of the key's merchant's orders: lines, address, what blocks it, Back Market state, syncs
import { getOrderV1 } from '@/lib/api-v1/merchant/get-order'
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { getOrderOperation } from '@/lib/api-v1/operations/orders'
import { v1Route } from '@/lib/api-v1/route'

export const GET = v1Route(getOrderOperation, async ({ principal, params }) => ({
  status: 200,
  body: { order: await getOrderV1({ merchantId: merchantOf(principal), reference: params.reference }) },
}))
