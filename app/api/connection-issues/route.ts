// GET /api/connection-issues — the Back Market connection banner: failures of the last 7 days, open issues however old, the last 20 errors (repeats as one row with a count); 304 when the poll's If-None-Match still holds
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { conditionalJsonResponse } from '@/lib/http/etag'
import { getConnectionHealth } from '@/lib/sync/connection-health'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'read')
  return conditionalJsonResponse(req, await getConnectionHealth({ merchantId: user.merchantId }))
})
