// GET /api/errors — the merchant's orders blocked by their address (?q= reference or prefix, &sort=urgency|newest, &page=)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseSearchParams } from '@/lib/http'
import { listAddressErrors } from '@/lib/orders/list-address-errors'
import { ListAddressErrorsQuerySchema } from '@/lib/orders/list-address-errors-query'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'read')
  const query = parseSearchParams(req.url, ListAddressErrorsQuerySchema)
  return NextResponse.json(await listAddressErrors({ merchantId: user.merchantId, ...query }))
})
