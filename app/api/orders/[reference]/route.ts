// GET /api/orders/[reference] — one of the merchant's orders with its lines and both addresses
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'

type Context = { params: Promise<{ reference: string }> }

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'read')
  const { reference } = await params
  return NextResponse.json({ order: await getOrderByReferenceOrThrow({ merchantId: user.merchantId, reference }) })
})
