// GET /api/audit/export — the merchant's audit as CSV (same filters as /api/audit), streamed row by row; admins
import { auditCsvStream } from '@/lib/audit/export-audit-csv'
import { AuditFilterSchema } from '@/lib/audit/audit-filters'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { readCookie } from '@/lib/auth/session-cookie'
import { handle, parseSearchParams } from '@/lib/http'
import { isTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/time-zone'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  // The zone the pages show times in (next-intl's, from the bm_tz cookie), so a day typed on the
  // Audit page bounds the same rows here; a client without the cookie gets the user's own zone.
  const cookieZone = readCookie(req.headers.get('cookie'), TIME_ZONE_COOKIE)
  const timeZone = isTimeZone(cookieZone) ? cookieZone : user.timeZone
  // Parsed before the first byte: a bad filter is still a 400, not a broken download.
  const filter = parseSearchParams(req.url, AuditFilterSchema)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(auditCsvStream({ merchantId: user.merchantId, filter, timeZone }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${day}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
