// Groups failures into one issue per (order or SKU × operation) and moves it through its
// lifecycle. The group key is unique while the issue is active, so concurrent workers failing on
// the same thing update one issue instead of opening two. Each change moves the banner's summary
// in its transaction (lib/sync/health/keep-health.ts).
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma, SyncIssue } from '@/lib/generated/prisma/client'
import type { SyncIssueKind, SyncOperation } from '@/lib/generated/prisma/enums'
import { KEEP_TRANSACTION, keepIssueChange } from './health/keep-health'
import { ACTIVE_ISSUE_STATUSES, statusAfterFailure, type IssueResolution } from './issue-lifecycle'
import { announceIssueFailure, announceIssuesResolved } from './issue-webhooks'
import { syncGroupKey } from './sync-keys'

export type IssueTarget = { merchantId: string; operation: SyncOperation; orderId?: string | null; sku?: string | null; reference?: string | null }

export type SyncFailure = {
  target: IssueTarget
  kind: SyncIssueKind
  message: string
  detail?: Prisma.InputJsonValue
  nextRetryAt: Date | null
  taskId: string
  now?: Date
}

export async function recordSyncFailure(opts: SyncFailure): Promise<SyncIssue> {
  return db.$transaction((tx) => recordSyncFailureIn(tx, opts), KEEP_TRANSACTION)
}

/** The same, inside a transaction of the caller's (the task's own update commits with it). */
export async function recordSyncFailureIn(tx: Prisma.TransactionClient, opts: SyncFailure): Promise<SyncIssue> {
  const { target } = opts
  const now = opts.now ?? new Date()
  const groupKey = syncGroupKey(target)
  const status = statusAfterFailure(opts.nextRetryAt !== null)
  const data = {
    kind: opts.kind,
    status,
    message: opts.message,
    detail: opts.detail,
    lastSeenAt: now,
    nextRetryAt: opts.nextRetryAt,
    lastTaskId: opts.taskId,
  }
  // One statement (Prisma sends this upsert as INSERT … ON CONFLICT ("groupKey") DO UPDATE: one
  // unique field in `where`, no nested write; keep it so). The active issue of the group is
  // updated under its row lock, or a new one is opened. Read-then-update by id let a dismiss or a
  // resolve land in between and turned the closed issue back to open, without its group key, where
  // nothing would ever resolve it. Closed issues hold no key, so they are never touched here.
  // The webhooks (a new issue; the connection degraded) and the banner's summary commit with it.
  const issue = await tx.syncIssue.upsert({
    where: { groupKey },
    update: { ...data, occurrences: { increment: 1 } },
    create: {
      ...data,
      merchantId: target.merchantId,
      operation: target.operation,
      orderId: target.orderId ?? null,
      sku: target.sku ?? null,
      reference: target.reference ?? null,
      groupKey,
      firstSeenAt: now,
    },
  })
  await announceIssueFailure(tx, issue, now)
  await keepIssueChange(tx, { merchantId: target.merchantId, recorded: { issueId: issue.id } })
  return issue
}

/** Closes the active issue of that group, if any. Returns how many were resolved (0 or 1). */
export async function resolveSyncIssues(opts: { target: IssueTarget; resolution: IssueResolution; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date()
  return db.$transaction(async (tx) => {
    const resolved = await tx.syncIssue.updateManyAndReturn({
      where: { groupKey: syncGroupKey(opts.target), status: { in: [...ACTIVE_ISSUE_STATUSES] } },
      data: { status: 'RESOLVED', resolution: opts.resolution, resolvedAt: now, groupKey: null, nextRetryAt: null },
    })
    if (resolved.length > 0) {
      await announceIssuesResolved(tx, resolved, now)
      await keepIssueChange(tx, { merchantId: opts.target.merchantId, resolvedAt: now })
    }
    return resolved.length
  }, KEEP_TRANSACTION)
}
