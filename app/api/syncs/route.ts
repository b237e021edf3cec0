// POST /api/syncs — re-sync many orders at once: by references, or every order of some sync issues
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { OrderReferenceSchema } from '@/lib/orders/order-reference'
import { requestBulkResync } from '@/lib/sync/request-bulk-resync'

const BodySchema = z.union([
  z.object({ references: z.array(OrderReferenceSchema).min(1).max(500) }).strict(),
  z.object({ issueIds: z.array(z.uuid()).min(1).max(500) }).strict(),
])

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'operate')
  const body = await parseJsonBody(req, BodySchema)
  const results = await requestBulkResync({ merchantId: user.merchantId, actor: user.actor, ...body })
  return NextResponse.json({ results }, { status: 202 })
})
