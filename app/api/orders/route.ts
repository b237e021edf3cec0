// GET /api/orders — list the merchant's orders (?q= reference or prefix, &status=, &page=, &pageSize=)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseSearchParams } from '@/lib/http'
import { listOrders } from '@/lib/orders/list-orders'
import { ListOrdersQuerySchema } from '@/lib/orders/list-orders-query'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'read')
  const query = parseSearchParams(req.url, ListOrdersQuerySchema)
  return NextResponse.json(await listOrders({ merchantId: user.merchantId, ...query }))
})
