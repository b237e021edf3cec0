// "Check again": run the pre-flight for an issue's order or SKU. If Back Market already has the
// target state (the merchant fixed it by hand there), the issue resolves by read-back; otherwise
// the verdict says what still blocks it. Someone is waiting on the button, and the read shares the
// merchant's request budget with their running syncs: it waits a few seconds at most for a slot,
// and otherwise says when to try, having reserved nothing.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { PreflightVerdict } from './preflight-rules'
import { resolveSyncIssues } from './record-sync-issue'
import { runPreflight } from './run-preflight'

/** How long a check may wait for a cell of the merchant's Back Market budget. */
export const CHECK_MAX_WAIT_MS = 3_000

/** The budget is taken past the wait: a 429 saying when to try (details.retryAt, retryAfterSeconds). */
function budgetBusy(err: AppError): AppError {
  const retryAfterMs = (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? CHECK_MAX_WAIT_MS
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  const retryAt = new Date(Date.now() + retryAfterMs)
  return new AppError('rate_limited', {
    message: err.message,
    userMessage: `Your running syncs are using Back Market’s request budget just now: check again in ${retryAfterSeconds} s (after ${retryAt.toISOString().slice(11, 19)} UTC).`,
    details: { retryAt: retryAt.toISOString(), retryAfterSeconds },
    cause: err,
  })
}

export async function checkSyncIssueAgain(opts: { merchantId: string; issueId: string }): Promise<{ resolved: boolean; preflight: PreflightVerdict }> {
  const issue = await db.syncIssue.findFirst({ where: { id: opts.issueId, merchantId: opts.merchantId } })
  if (!issue) throw new AppError('not_found', { userMessage: 'Issue not found' })
  const preflight = await runPreflight({ merchantId: opts.merchantId, operation: issue.operation, orderId: issue.orderId, sku: issue.sku, maxWaitMs: CHECK_MAX_WAIT_MS }).catch(
    (err: unknown) => {
      throw err instanceof AppError && err.code === 'rate_limited' ? budgetBusy(err) : err
    },
  )
  let resolved = issue.status === 'RESOLVED'
  if (preflight.alreadyApplied && (issue.status === 'OPEN' || issue.status === 'RETRYING')) {
    resolved = (await resolveSyncIssues({ target: issue, resolution: 'read_back' })) > 0
  }
  return { resolved, preflight }
}
