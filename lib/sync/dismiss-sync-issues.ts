// Several issues dismissed with one reason (the Errors list's bulk action). Each on its own, like
// the bulk re-sync: one already closed does not stop the others.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { AppError } from '@/lib/errors'
import type { BulkDismissResult } from './dismiss-input'
import { dismissSyncIssue } from './dismiss-sync-issue'
import { refusalOf } from './refusals'

export async function dismissSyncIssues(opts: { merchantId: string; actor: AuditActor; issueIds: readonly string[]; reason: string }): Promise<BulkDismissResult[]> {
  const results: BulkDismissResult[] = []
  let notFound = 0
  for (const issueId of new Set(opts.issueIds)) {
    try {
      await dismissSyncIssue({ merchantId: opts.merchantId, issueId, actor: opts.actor, reason: opts.reason })
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
  return results
}
