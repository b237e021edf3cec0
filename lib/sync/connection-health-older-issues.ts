// The issues still open whose last failure is older than the banner's week: they fell out of
// "the last 20 errors of the past 7 days" but still block their order or SKU (a SKU waiting for
// a Back Market listing fails once and then waits, for weeks maybe). The connection-issues page
// lists them apart, with their age. Served by the index (merchantId, status, lastSeenAt desc).
import 'server-only'
import { db } from '@/lib/db'
import type { SyncIssueKind } from '@/lib/generated/prisma/enums'
import { actionOf, bannerWindowStart, flowOf, lifecycleOf, type ErrorLifecycle, type SyncAction, type SyncFlow } from './connection-health-rules'
import { ACTIVE_ISSUE_STATUSES } from './issue-lifecycle'

export const OLDER_OPEN_ISSUES_LIMIT = 50

export type OlderOpenIssue = {
  id: string
  operation: SyncFlow
  action: SyncAction
  reference: string | null
  sku: string | null
  kind: SyncIssueKind
  lifecycle: ErrorLifecycle
  occurrences: number
  firstSeenAt: Date
  lastSeenAt: Date
}

/** Newest last failure first; `more` when there are more than the limit. */
export async function listOlderOpenIssues(opts: { merchantId: string; now?: Date; limit?: number }): Promise<{ issues: OlderOpenIssue[]; more: boolean }> {
  const limit = opts.limit ?? OLDER_OPEN_ISSUES_LIMIT
  const rows = await db.syncIssue.findMany({
    where: { merchantId: opts.merchantId, status: { in: [...ACTIVE_ISSUE_STATUSES] }, lastSeenAt: { lt: bannerWindowStart(opts.now ?? new Date()) } },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, operation: true, reference: true, sku: true, kind: true, status: true, occurrences: true, firstSeenAt: true, lastSeenAt: true },
  })
  const issues = rows.slice(0, limit).map(({ operation, status, ...i }) => ({
    ...i,
    operation: flowOf(operation),
    action: actionOf(operation),
    // Never null: the query asks for active statuses only.
    lifecycle: lifecycleOf(status) ?? 'open',
  }))
  return { issues, more: rows.length > limit }
}
