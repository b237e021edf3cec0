// GET /api/audit — one page of the merchant's audit, newest first (?who= &action= &reference= &from= &to= &cursor=); admins
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AuditFilterSchema } from '@/lib/audit/audit-filters'
import { listAuditEvents } from '@/lib/audit/list-audit-events'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseSearchParams } from '@/lib/http'

const QuerySchema = z.intersection(AuditFilterSchema, z.object({ cursor: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }))

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const { cursor, limit, ...filter } = parseSearchParams(req.url, QuerySchema)
  return NextResponse.json(await listAuditEvents({ merchantId: user.merchantId, filter, timeZone: user.timeZone, cursor, limit }), { headers: { 'cache-control': 'no-store' } })
})
