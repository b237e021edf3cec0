// The sync_issue.opened / sync_issue.resolved webhooks, written in the transaction that opens or
// closes the issue, followed by the connection's state (connection-degraded.ts).
import 'server-only'
import type { Prisma, SyncIssue } from '@/lib/generated/prisma/client'
import { emitWebhookEvent } from '@/lib/webhooks/emit'
import type { WebhookData } from '@/lib/webhooks/events'
import { refreshConnectionDegraded } from './connection-degraded'

function issueData(issue: SyncIssue): WebhookData<'sync_issue.opened'> {
  return {
    issue: {
      id: issue.id,
      operation: issue.operation.toLowerCase(),
      kind: issue.kind.toLowerCase(),
      status: issue.status.toLowerCase(),
      reference: issue.reference,
      sku: issue.sku,
      message: issue.message,
      occurrences: issue.occurrences,
      firstSeenAt: issue.firstSeenAt.toISOString(),
      lastSeenAt: issue.lastSeenAt.toISOString(),
      resolution: issue.resolution,
      resolvedAt: issue.resolvedAt?.toISOString() ?? null,
    },
  }
}

/** After a failure was recorded: `opened` when the upsert made a new issue (its first occurrence). */
export async function announceIssueFailure(tx: Prisma.TransactionClient, issue: SyncIssue, now: Date): Promise<void> {
  if (issue.occurrences === 1) await emitWebhookEvent(tx, { merchantId: issue.merchantId, type: 'sync_issue.opened', data: issueData(issue), now })
  await refreshConnectionDegraded(tx, { merchantId: issue.merchantId, now })
}

export async function announceIssuesResolved(tx: Prisma.TransactionClient, issues: SyncIssue[], now: Date): Promise<void> {
  for (const issue of issues) await emitWebhookEvent(tx, { merchantId: issue.merchantId, type: 'sync_issue.resolved', data: issueData(issue), now })
  for (const merchantId of new Set(issues.map((i) => i.merchantId))) await refreshConnectionDegraded(tx, { merchantId, now })
}
