// The banner's summary kept in the transaction of each sync outcome (docs: model comments of
// MerchantHealth and SyncFailureGroup): a failed call moves its failure group and its flow's last
// failure; an issue opened, updated, resolved or dismissed recomputes the merchant's issue counts.
// The summary row's lock is taken by the last statements of the transaction (short), always
// before the failure groups and after anything else (the issue, the merchant row): the order the
// rebuild takes them in too, so no two of these transactions can wait on each other in a cycle.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SyncOperation } from '@/lib/generated/prisma/enums'
import { LINK_GROUPS_TO_ISSUE, LOCK_MERCHANT_HEALTH, MOVE_FLOW_FAILED_AT, RECOMPUTE_ISSUE_FIELDS, UPSERT_FAILURE_GROUP } from './keep-health-sql'

type Tx = Prisma.TransactionClient

/**
 * The options of every transaction that keeps the summary (a failed attempt, a failed run, an
 * issue resolved or dismissed). They may wait on the summary row's lock behind a rebuild of the
 * merchant (rebuild-health.ts holds it at most REBUILD_TRANSACTION_TIMEOUT_MS) or behind other
 * outcomes: Prisma's default 5 s would give up (P2028) and lose the outcome's record.
 */
export const KEEP_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const

/** A rebuild's transaction (its merchants' rows locked) gives up before any keep-path waiting on it would. */
export const REBUILD_TRANSACTION_TIMEOUT_MS = 20_000

/** After a failed attempt was inserted in `tx`. */
export async function keepFailedAttempt(tx: Tx, attempt: { id: string; merchantId: string; operation: SyncOperation; createdAt: Date }): Promise<void> {
  await tx.$executeRawUnsafe(LOCK_MERCHANT_HEALTH, attempt.merchantId)
  await tx.$executeRawUnsafe(UPSERT_FAILURE_GROUP, attempt.id)
  await tx.$executeRawUnsafe(MOVE_FLOW_FAILED_AT, attempt.merchantId, attempt.operation, attempt.createdAt.toISOString())
}

/**
 * After issues of the merchant changed status (or an active one changed) in `tx`. `recorded`: the
 * issue a run just recorded a failure on, which takes the failures of the minute before it opened
 * (LINK_GROUPS_TO_ISSUE); `resolvedAt`: when one was resolved.
 */
export async function keepIssueChange(tx: Tx, opts: { merchantId: string; recorded?: { issueId: string }; resolvedAt?: Date | null }): Promise<void> {
  await tx.$executeRawUnsafe(LOCK_MERCHANT_HEALTH, opts.merchantId)
  if (opts.recorded) await tx.$executeRawUnsafe(LINK_GROUPS_TO_ISSUE, opts.merchantId, opts.recorded.issueId)
  await tx.$executeRawUnsafe(RECOMPUTE_ISSUE_FIELDS, opts.merchantId, opts.resolvedAt?.toISOString() ?? null)
}
