// GET /api/sku-mismatch?issueId= (or ?reference=) — our SKU and Back Market's side by side, live, with the mapping to make
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseSearchParams } from '@/lib/http'
import { OrderReferenceSchema } from '@/lib/orders/order-reference'
import { getSkuMismatch } from '@/lib/sync/get-sku-mismatch'

const QuerySchema = z
  .object({ issueId: z.uuid({ error: 'Use the id of a sync issue' }).optional(), reference: OrderReferenceSchema.optional() })
  .refine((q) => (q.issueId === undefined) !== (q.reference === undefined), { path: ['issueId'], error: 'Give either issueId or reference' })

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'read')
  const { issueId, reference } = parseSearchParams(req.url, QuerySchema)
  const target = issueId ? { issueId } : { reference: reference! }
  return NextResponse.json(await getSkuMismatch({ merchantId: user.merchantId, ...target }))
})
