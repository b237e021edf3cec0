// "Check again": run the pre-flight for an issue's order or SKU. If Back Market already has the
// target state (the merchant fixed it by hand there), the issue resolves by read-back; otherwise
// the verdict says what still blocks it.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { PreflightVerdict } from './preflight-rules'
import { resolveSyncIssues } from './record-sync-issue'
import { runPreflight } from './run-preflight'

export async function checkSyncIssueAgain(opts: { merchantId: string; issueId: string }): Promise<{ resolved: boolean; preflight: PreflightVerdict }> {
  const issue = await db.syncIssue.findFirst({ where: { id: opts.issueId, merchantId: opts.merchantId } })
  if (!issue) throw new AppError('not_found', { userMessage: 'Issue not found' })
  const preflight = await runPreflight({ merchantId: opts.merchantId, operation: issue.operation, orderId: issue.orderId, sku: issue.sku })
  let resolved = issue.status === 'RESOLVED'
  if (preflight.alreadyApplied && (issue.status === 'OPEN' || issue.status === 'RETRYING')) {
    resolved = (await resolveSyncIssues({ target: issue, resolution: 'read_back' })) > 0
  }
  return { resolved, preflight }
}
