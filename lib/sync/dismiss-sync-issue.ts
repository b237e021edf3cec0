// A merchant decides an issue needs no action (fixed by hand, order cancelled…): dismissed, with
// who and why, and no longer counted in the banner's open issues. It stays in the error history.
// One compare-and-set that also clears the group key, under the issue's row lock: a failure
// recorded meanwhile (recordSyncFailure writes through the group key, in one statement) either
// lands before it and is dismissed with it, or after it and opens a new issue; it never reopens
// this one. The banner's summary is recomputed in the same transaction.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { KEEP_TRANSACTION, keepIssueChange } from './health/keep-health'
import { ACTIVE_ISSUE_STATUSES } from './issue-lifecycle'
import { announceIssuesResolved } from './issue-webhooks'
import { refusalError } from './refusals'

export async function dismissSyncIssue(opts: { merchantId: string; issueId: string; actor: AuditActor; reason: string; now?: Date }) {
  const now = opts.now ?? new Date()
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.syncIssue.updateMany({
      where: { id: opts.issueId, merchantId: opts.merchantId, status: { in: [...ACTIVE_ISSUE_STATUSES] } },
      data: { status: 'DISMISSED', dismissedAt: now, dismissedById: actorUserId(opts.actor), dismissReason: opts.reason, groupKey: null, nextRetryAt: null },
    })
    // Closed as surely as a resolved one: sync_issue.resolved (status 'dismissed'), then perhaps
    // connection.recovered if it was the last issue degrading the connection.
    if (count === 0) return count
    const issue = await tx.syncIssue.findUniqueOrThrow({ where: { id: opts.issueId } })
    await announceIssuesResolved(tx, [issue], now)
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'sync_issue.dismissed',
      orderReference: issue.reference,
      subject: { type: 'sync_issue', id: issue.id },
      after: { reason: opts.reason, operation: issue.operation, kind: issue.kind, sku: issue.sku },
    })
    await keepIssueChange(tx, { merchantId: opts.merchantId })
    return count
  }, KEEP_TRANSACTION)
  if (count === 1) return db.syncIssue.findUniqueOrThrow({ where: { id: opts.issueId } })
  const issue = await db.syncIssue.findFirst({ where: { id: opts.issueId, merchantId: opts.merchantId }, select: { status: true } })
  if (!issue) throw new AppError('not_found', { userMessage: 'Issue not found' })
  throw refusalError('issue_closed', { params: { status: issue.status.toLowerCase() } })
}
