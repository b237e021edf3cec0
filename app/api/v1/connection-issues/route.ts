// GET /api/v1/connection-issues — the key's merchant's Back Market connection: failed flows this week, open issues, the last 20 failures; 304 when If-None-Match still holds
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { getConnectionIssuesOperation } from '@/lib/api-v1/operations/sync'
import { v1Route } from '@/lib/api-v1/route'
import { connectionIssuesView } from '@/lib/api-v1/schemas/connection-issues'
import { conditionalJson } from '@/lib/http/etag'
import { getConnectionHealth } from '@/lib/sync/connection-health'

export const GET = v1Route(getConnectionIssuesOperation, async ({ principal, request }) => {
  const body = connectionIssuesView(await getConnectionHealth({ merchantId: merchantOf(principal) }))
  const answer = conditionalJson(request, body)
  return { status: answer.status, body: answer.text === null ? undefined : body, headers: answer.headers }
})
