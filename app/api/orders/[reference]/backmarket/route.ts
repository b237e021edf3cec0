// GET /api/orders/[reference]/backmarket — Back Market's live view of the order, compared with ours
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { toBackMarketLiveView } from '@/lib/orders/backmarket-live-view'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'
import { asBadGateway } from '@/lib/sync/backmarket-failure'
import { fetchBackMarketOrder } from '@/lib/sync/fetch-backmarket-order'

type Context = { params: Promise<{ reference: string }> }

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'read')
  const { reference } = await params
  // Ours first: another merchant's reference is a 404 before Back Market is ever called.
  const ours = await getOrderByReferenceOrThrow({ merchantId: user.merchantId, reference })
  const { fetchedAt, order } = await fetchBackMarketOrder({ merchantId: user.merchantId, reference }).catch((err: unknown) => {
    throw asBadGateway(err)
  })
  return NextResponse.json(toBackMarketLiveView({ reference, fetchedAt, ours, theirs: order }))
})
