// POST /api/sync-issues/dismiss — dismiss several sync issues at once, with one reason
import { NextResponse } from 'next/server'
import { z } from 'zod'
import type { BulkDismissResult } from '@/components/sync/api/dismiss-sync-issues'
import { DismissReasonSchema } from '@/components/sync/dismiss-reason'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { dismissSyncIssue } from '@/lib/sync/dismiss-sync-issue'
import { refusalOf } from '@/lib/sync/refusals'

const BodySchema = z.object({ issueIds: z.array(z.uuid()).min(1).max(500), reason: DismissReasonSchema }).strict()

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req)
  const { issueIds, reason } = await parseJsonBody(req, BodySchema)
  // Each issue on its own, like the bulk re-sync: one already closed does not stop the others.
  const results: BulkDismissResult[] = []
  let notFound = 0
  for (const issueId of new Set(issueIds)) {
    try {
      await dismissSyncIssue({ merchantId: user.merchantId, issueId, userId: user.userId, reason })
      results.push({ issueId, dismissed: true, error: null })
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'not_found' && err.code !== 'conflict')) throw err
      if (err.code === 'not_found') notFound++
      results.push({ issueId, dismissed: false, error: err.userMessage, ...(err.code === 'conflict' ? { refusal: refusalOf(err) } : {}) })
    }
  }
  // Nothing of the merchant's was named (another merchant's ids, or none that exist): not found,
  // exactly as for a single issue, so other merchants' ids reveal nothing.
  if (notFound === results.length) throw new AppError('not_found', { userMessage: 'Issue not found' })
  return NextResponse.json({ results })
})
