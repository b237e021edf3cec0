// POST /api/sync-issues/[id]/check — read Back Market again; resolves the issue if it was fixed there by hand
// (429 with Retry-After and details.retryAt when the merchant's Back Market budget is taken for longer than a check waits)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { checkSyncIssueAgain } from '@/lib/sync/check-sync-issue-again'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'operate')
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'Issue not found' })
  return NextResponse.json(await checkSyncIssueAgain({ merchantId: user.merchantId, issueId: id }))
})
