// POST /api/orders/[reference]/sync — re-sync one order with Back Market; 202 with the sync to watch
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { isOrderReference } from '@/lib/orders/order-reference'
import { getSyncStatusOrThrow } from '@/lib/sync/get-sync-status'
import { requestOrderResync } from '@/lib/sync/request-order-resync'

type Context = { params: Promise<{ reference: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'operate')
  const { reference } = await params
  if (!isOrderReference(reference)) throw new AppError('not_found', { userMessage: `Order ${reference} not found` })
  const { task, created } = await requestOrderResync({ merchantId: user.merchantId, reference, actor: user.actor })
  const sync = await getSyncStatusOrThrow({ merchantId: user.merchantId, id: task.id })
  // A second request while one is pending joins it: same sync id, nothing sent twice.
  return NextResponse.json({ sync, created }, { status: 202, headers: { Location: `/api/syncs/${task.id}` } })
})
