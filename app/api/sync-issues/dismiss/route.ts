// POST /api/sync-issues/dismiss — dismiss several sync issues at once, with one reason
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { BulkDismissBodySchema } from '@/lib/sync/dismiss-input'
import { dismissSyncIssues } from '@/lib/sync/dismiss-sync-issues'

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'operate')
  const { issueIds, reason } = await parseJsonBody(req, BulkDismissBodySchema)
  const results = await dismissSyncIssues({ merchantId: user.merchantId, actor: user.actor, issueIds, reason })
  return NextResponse.json({ results })
})
