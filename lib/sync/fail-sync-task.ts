// Where every failed run of a sync task ends, whether Back Market answered or something of ours
// broke: the retry policy decides, and the task, the merchant's issue and the next delivery are
// recorded here. Nothing is left to pg-boss's blind retries or the sweeper's re-deliveries, so
// every task ends (verified, or FAILED with an issue) and its dedupe key is released when it does.
import 'server-only'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import { Prisma, type SyncTask } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { dispatchSyncTask } from './enqueue-sync-task'
import { KEEP_TRANSACTION } from './health/keep-health'
import { recordSyncFailureIn, type IssueTarget } from './record-sync-issue'
import { decideAfterFailure, type FailureClass } from './retry-policy'
import { runPreflight } from './run-preflight'

type Decided = Pick<SyncTask, 'id' | 'merchantId' | 'operation' | 'orderId' | 'sku' | 'attempts'>

/** The task's failure columns: the English message and, for our own failures, its message key. */
function failureColumns(failure: FailureClass) {
  return {
    failureMessage: failure.message,
    failureCode: failure.text?.code ?? null,
    failureParams: failure.text ? (failure.text.params as Prisma.InputJsonValue) : Prisma.DbNull,
  }
}

/** What the issue keeps: Back Market's answer as received, or our message key (never our internals). */
function issueDetail(err: unknown, failure: FailureClass, attempt: number): Prisma.InputJsonValue {
  if (err instanceof BackMarketError) return { httpStatus: err.status ?? null, bmKind: err.kind, bmMessage: err.message, attempt }
  return { code: failure.text?.code ?? null, params: failure.text?.params ?? {}, error: err instanceof Error ? err.name : typeof err, attempt }
}

/** The issue needs the order's reference; a run that failed before loading the order has none. */
async function withReference(target: IssueTarget): Promise<IssueTarget> {
  if (target.reference || !target.orderId) return target
  const order = await db.order.findUnique({ where: { id: target.orderId }, select: { reference: true } })
  return { ...target, reference: order?.reference ?? null }
}

/**
 * A pre-flight is advice, not the merchant's update: when the budget is spent it is skipped (and
 * logged) rather than reserving a cell far ahead of the merchant's own syncs.
 */
const PREFLIGHT_MAX_WAIT_MS = 30_000

/** After a permanent failure: can a retry help, and what must change first? Kept with the task. */
async function storePreflight(task: Decided): Promise<void> {
  try {
    const verdict = await runPreflight({ merchantId: task.merchantId, operation: task.operation, orderId: task.orderId, sku: task.sku, maxWaitMs: PREFLIGHT_MAX_WAIT_MS })
    await db.syncTask.update({ where: { id: task.id }, data: { preflight: verdict as unknown as Prisma.InputJsonValue } })
  } catch (err) {
    log.warn({ err, taskId: task.id }, 'pre-flight after failure could not run')
  }
}

/** A task's columns once it ended FAILED: no retry planned, dedupe key released. */
function failedColumns(failure: FailureClass, dead: boolean, at: Date) {
  return { status: 'FAILED' as const, finishedAt: at, nextAttemptAt: null, dedupeKey: null, failureKind: dead ? 'dead' : 'permanent', ...failureColumns(failure) }
}

// A run's outcome is fenced like its writes (task-lease.ts): written only while the claim is still
// this run's, so a run stalled after its last check cannot overwrite the claim of the run that
// took the task over. Whether it was written.
const claimStill = (task: Decided) => ({ id: task.id, attempts: task.attempts, status: 'SENT' as const })

/** Ends a task as FAILED, the issue open for the merchant: one transaction, so neither is seen without the other. */
async function endFailed(task: Decided, target: IssueTarget, failure: FailureClass, dead: boolean, detail: Prisma.InputJsonValue, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.syncTask.updateMany({ where: claimStill(task), data: { ...failedColumns(failure, dead, at), leaseUntil: null } })
    if (count === 0) return false
    await recordSyncFailureIn(tx, { target, kind: failure.issueKind, message: failure.message, detail, nextRetryAt: null, taskId: task.id, now: at })
    return true
  }, KEEP_TRANSACTION)
}

export async function recordFailedRun(opts: { task: Decided; target: IssueTarget; err: unknown; now: Date; random?: () => number }): Promise<'retry_scheduled' | 'failed' | 'skipped'> {
  const { task, err, now: at } = opts
  const decision = decideAfterFailure({ attempt: task.attempts, err, operation: task.operation, now: at, random: opts.random })
  const target = await withReference(opts.target)
  const detail = issueDetail(err, decision.failure, task.attempts)
  const ours = !(err instanceof BackMarketError)
  if (decision.action === 'retry') {
    if (ours) log.error({ err, taskId: task.id, attempt: task.attempts }, 'sync task failed on our side; retrying')
    // The task requeued and its issue retrying commit together; the job is sent after (a job for a
    // task not yet requeued would find nothing to run).
    const requeued = await db.$transaction(async (tx) => {
      const { count } = await tx.syncTask.updateMany({
        where: claimStill(task),
        data: { status: 'QUEUED', nextAttemptAt: decision.at, leaseUntil: null, failureKind: 'transient', ...failureColumns(decision.failure) },
      })
      if (count === 0) return false
      await recordSyncFailureIn(tx, { target, kind: decision.failure.issueKind, message: decision.failure.message, detail, nextRetryAt: decision.at, taskId: task.id, now: at })
      return true
    }, KEEP_TRANSACTION)
    // Another run took the task over meanwhile: the outcome is that run's to record.
    if (!requeued) return 'skipped'
    await dispatchSyncTask(task, decision.at)
    return 'retry_scheduled'
  }
  if (!(await endFailed(task, target, decision.failure, decision.dead, detail, at))) return 'skipped'
  await storePreflight(task)
  log.warn({ err: ours ? err : undefined, taskId: task.id, operation: task.operation, reference: target.reference, sku: task.sku, dead: decision.dead }, 'sync task failed')
  return 'failed'
}

/**
 * The sweeper's end for a task that never completes (past the retry budget, or too old) and has no
 * job left: FAILED as a dead letter instead of re-delivered forever. A compare-and-set on what the
 * sweeper saw, so a run that picked it up meanwhile wins. Returns whether it ended the task.
 */
export async function deadLetterStalledTask(task: Decided & { status: SyncTask['status'] }, failure: FailureClass, at: Date): Promise<boolean> {
  const target = await withReference({ merchantId: task.merchantId, operation: task.operation, orderId: task.orderId, sku: task.sku })
  const ended = await db.$transaction(async (tx) => {
    const { count } = await tx.syncTask.updateMany({
      where: { id: task.id, status: task.status, attempts: task.attempts },
      data: failedColumns(failure, true, at),
    })
    if (count === 0) return false
    const detail = { code: failure.text?.code ?? null, params: failure.text?.params ?? {}, attempt: task.attempts }
    await recordSyncFailureIn(tx, { target, kind: failure.issueKind, message: failure.message, detail, nextRetryAt: null, taskId: task.id, now: at })
    return true
  }, KEEP_TRANSACTION)
  if (!ended) return false
  log.warn({ taskId: task.id, attempts: task.attempts }, 'stalled sync task dead-lettered by the sweeper')
  return true
}
