// POST /api/sync-issues/[id]/dismiss — the merchant closes an issue without a fix, saying why
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { DismissBodySchema } from '@/lib/sync/dismiss-input'
import { dismissSyncIssue } from '@/lib/sync/dismiss-sync-issue'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'operate')
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'Issue not found' })
  const { reason } = await parseJsonBody(req, DismissBodySchema)
  const issue = await dismissSyncIssue({ merchantId: user.merchantId, issueId: id, actor: user.actor, reason })
  return NextResponse.json({ issue: { id: issue.id, status: issue.status, dismissedAt: issue.dismissedAt, dismissReason: issue.dismissReason } })
})
