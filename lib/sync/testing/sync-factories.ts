// Test data builders for the sync engine's records, in the shapes the engine writes: a task per
// thing to tell Back Market, an attempt row per call, an issue per failing group. They need a
// merchant from test/factories (createTestMerchant / createSignedInMerchant), whose deletion at
// the end of the test cascades to every row made here. Call them inside a test. Failures and issues
// made here bypass the engine's write paths (they may be dated in the past), so the merchant's
// banner summary is rebuilt from the records after each, as `npm run health:rebuild` would.
import { randomUUID } from 'node:crypto'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'
import type { SyncAttemptOutcome, SyncIssueKind, SyncIssueStatus, SyncOperation, SyncTaskStatus } from '@/lib/generated/prisma/enums'
import { createTestOrder } from '@/test/factories'
import { rebuildMerchantHealth } from '../health/rebuild-health'
import { syncGroupKey } from '../sync-keys'

export const NOT_FOUND_MESSAGE =
  "We couldn't find a matching order_id and/or SKU on Backmarket. Please update your order manually on Backmarket."

export type TestOrderRef = { id: string; reference: string }

/** A unique SKU, for stock tests that do not care which. */
export function uniqueSku(): string {
  return `SKU-${randomUUID().slice(0, 8)}`
}

/**
 * A task for an order (ACCEPT / SHIP; an order is created unless given) or a SKU (STOCK). It is
 * left finished (no dedupe key), so several tasks of one group can coexist as they do over time.
 */
export async function createTestSyncTask(opts: {
  merchantId: string
  operation?: SyncOperation
  order?: TestOrderRef
  sku?: string
  status?: SyncTaskStatus
}) {
  const operation = opts.operation ?? 'ACCEPT'
  const order = operation === 'STOCK' ? null : (opts.order ?? (await createTestOrder({ merchantId: opts.merchantId })))
  const task = await db.syncTask.create({
    data: {
      merchantId: opts.merchantId,
      operation,
      orderId: order?.id ?? null,
      sku: operation === 'STOCK' ? (opts.sku ?? uniqueSku()) : (opts.sku ?? null),
      status: opts.status ?? 'FAILED',
      origin: 'flow',
    },
  })
  return { task, order }
}

/** One call to Back Market for the task, as the engine logs it. */
export async function createTestSyncAttempt(opts: {
  task: Pick<SyncTask, 'id' | 'merchantId' | 'operation' | 'sku'>
  reference?: string | null
  outcome: SyncAttemptOutcome
  at?: Date
  attempt?: number
  httpStatus?: number | null
  message?: string | null
  errorKind?: string | null
}) {
  const { task } = opts
  const failed = opts.outcome === 'TRANSIENT_FAILURE' || opts.outcome === 'PERMANENT_FAILURE'
  const reference = task.operation === 'STOCK' ? null : (opts.reference ?? null)
  const attempt = await db.syncAttempt.create({
    data: {
      merchantId: task.merchantId,
      taskId: task.id,
      operation: task.operation,
      reference,
      sku: task.sku,
      attempt: opts.attempt ?? 1,
      method: 'POST',
      path: task.operation === 'STOCK' ? `/ws/listings/${task.sku}` : `/ws/orders/${reference}`,
      httpStatus: opts.httpStatus === undefined ? (failed ? 404 : 200) : opts.httpStatus,
      outcome: opts.outcome,
      errorKind: opts.errorKind === undefined ? (failed ? 'not_found' : null) : opts.errorKind,
      message: opts.message === undefined ? (failed ? NOT_FOUND_MESSAGE : null) : opts.message,
      durationMs: 42,
      ...(opts.at ? { createdAt: opts.at } : {}),
    },
  })
  if (failed) await rebuildMerchantHealth([task.merchantId])
  return attempt
}

/**
 * A failed call: a new task (and order, for parcel updates) unless `task` is given, so that
 * several failures can belong to one task. Defaults to a permanent 404 on accepting an order.
 */
export async function createTestSyncFailure(opts: {
  merchantId: string
  operation?: SyncOperation
  task?: Pick<SyncTask, 'id' | 'merchantId' | 'operation' | 'sku'>
  order?: TestOrderRef
  sku?: string
  at?: Date
  outcome?: 'TRANSIENT_FAILURE' | 'PERMANENT_FAILURE'
  httpStatus?: number | null
  message?: string | null
  errorKind?: string | null
}) {
  const { task, order } = opts.task ? { task: opts.task, order: opts.order ?? null } : await createTestSyncTask(opts)
  const attempt = await createTestSyncAttempt({
    task,
    reference: order?.reference ?? null,
    outcome: opts.outcome ?? 'PERMANENT_FAILURE',
    at: opts.at,
    httpStatus: opts.httpStatus,
    message: opts.message,
    errorKind: opts.errorKind,
  })
  return { task, order, attempt }
}

/**
 * An issue of a group (operation + order, or SKU for stock). While OPEN or RETRYING it holds the
 * group key, as the engine's does, so a second active issue of the same group is refused.
 */
export async function createTestSyncIssue(opts: {
  merchantId: string
  operation?: SyncOperation
  order?: TestOrderRef
  sku?: string
  kind?: SyncIssueKind
  status?: SyncIssueStatus
  message?: string
  firstSeenAt?: Date
  lastSeenAt?: Date
  nextRetryAt?: Date | null
  resolvedAt?: Date
  dismissedAt?: Date
}) {
  const operation = opts.operation ?? 'ACCEPT'
  const status = opts.status ?? 'OPEN'
  const target = { merchantId: opts.merchantId, operation, orderId: opts.order?.id ?? null, sku: opts.sku ?? null }
  const active = status === 'OPEN' || status === 'RETRYING'
  const firstSeenAt = opts.firstSeenAt ?? new Date()
  const lastSeenAt = opts.lastSeenAt ?? firstSeenAt
  const issue = await db.syncIssue.create({
    data: {
      ...target,
      reference: opts.order?.reference ?? null,
      kind: opts.kind ?? 'NOT_FOUND',
      status,
      groupKey: active ? syncGroupKey(target) : null,
      message: opts.message ?? NOT_FOUND_MESSAGE,
      firstSeenAt,
      lastSeenAt,
      nextRetryAt: opts.nextRetryAt ?? null,
      // A closed issue always says when; left out, it closed at its last failure.
      resolvedAt: status === 'RESOLVED' ? (opts.resolvedAt ?? lastSeenAt) : null,
      resolution: status === 'RESOLVED' ? 'success' : null,
      dismissedAt: status === 'DISMISSED' ? (opts.dismissedAt ?? lastSeenAt) : null,
      dismissReason: status === 'DISMISSED' ? 'fixed by hand on Back Market' : null,
    },
  })
  await rebuildMerchantHealth([opts.merchantId])
  return issue
}
