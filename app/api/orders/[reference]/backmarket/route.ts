// GET /api/orders/[reference]/backmarket — Back Market's live view of the order, compared with ours
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { BackMarketError } from '@/lib/backmarket/errors'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { toBackMarketLiveView, type BackMarketFailureDetails } from '@/lib/orders/backmarket-live-view'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'
import { fetchBackMarketOrder } from '@/lib/sync/fetch-backmarket-order'

type Context = { params: Promise<{ reference: string }> }

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req)
  const { reference } = await params
  // Ours first: another merchant's reference is a 404 before Back Market is ever called.
  const ours = await getOrderByReferenceOrThrow({ merchantId: user.merchantId, reference })
  const { fetchedAt, order } = await fetchBackMarketOrder({ merchantId: user.merchantId, reference }).catch((err: unknown) => {
    throw err instanceof BackMarketError ? asBadGateway(err) : err
  })
  return NextResponse.json(toBackMarketLiveView({ reference, fetchedAt, ours, theirs: order }))
})

// Back Market failing is expected (timeouts, token revoked, rate limits): a 502 whose details say
// how, so the panel can explain it; the cause is kept for the log.
function asBadGateway(err: BackMarketError): AppError {
  const details: BackMarketFailureDetails = { kind: err.kind, status: err.status ?? null, message: err.message }
  return new AppError('bad_gateway', { message: `Back Market ${err.kind}: ${err.message}`, cause: err, details })
}
