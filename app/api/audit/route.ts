// GET /api/audit — one page of the merchant's audit, newest first (?who= &action= &reference= &from= &to= &cursor=); admins
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AuditFilterSchema } from '@/lib/audit/audit-filters'
import { listAuditEvents } from '@/lib/audit/list-audit-events'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { readCookie } from '@/lib/auth/session-cookie'
import { handle, parseSearchParams } from '@/lib/http'
import { isTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/time-zone'

const QuerySchema = z.intersection(AuditFilterSchema, z.object({ cursor: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }))

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  // The zone the pages show times in (next-intl's, from the bm_tz cookie), so a day typed on the
  // Audit page bounds the same rows here; a client without the cookie gets the user's own zone.
  const cookieZone = readCookie(req.headers.get('cookie'), TIME_ZONE_COOKIE)
  const timeZone = isTimeZone(cookieZone) ? cookieZone : user.timeZone
  const { cursor, limit, ...filter } = parseSearchParams(req.url, QuerySchema)
  return NextResponse.json(await listAuditEvents({ merchantId: user.merchantId, filter, timeZone, cursor, limit }), { headers: { 'cache-control': 'no-store' } })
})
