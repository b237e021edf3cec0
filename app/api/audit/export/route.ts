// GET /api/audit/export — the merchant's audit as CSV (same filters as /api/audit), streamed row by row; admins
import { auditCsvStream } from '@/lib/audit/export-audit-csv'
import { AuditFilterSchema } from '@/lib/audit/audit-filters'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseSearchParams } from '@/lib/http'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  // Parsed before the first byte: a bad filter is still a 400, not a broken download.
  const filter = parseSearchParams(req.url, AuditFilterSchema)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(auditCsvStream({ merchantId: user.merchantId, filter, timeZone: user.timeZone }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${day}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
