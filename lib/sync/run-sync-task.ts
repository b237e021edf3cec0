// Runs one sync task on a worker: claim it, tell Back Market, confirm by read-back, and record
// what happened — the task's status, every call, and the issue it opens, updates or resolves.
// Safe to run twice for the same task (a job redelivered after a crash): the claim is a
// compare-and-set on the attempt count that takes a lease (task-lease.ts) no other run may break
// while it is renewed, any run after the first reads Back Market back before writing, and a run
// whose claim was taken over writes nothing more.
import 'server-only'
import { workerActor } from '@/lib/audit/actor'
import { refusesTokenEverywhere } from '@/lib/backmarket/check-connection'
import type { BackMarketClient } from '@/lib/backmarket/client'
import { BackMarketError } from '@/lib/backmarket/errors'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { db } from '@/lib/db'
import { prepared, runPrepared } from '@/lib/db/prepared'
import { Prisma, type SyncTask } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { backMarketClientFor } from './backmarket-client-for'
import { bmSkusFor } from './bm-sku-for'
import { holdAfterTokenRefusal, holdTaskForConnection, type TaskMerchant } from './connection/hold-task'
import { clearRefusalAndResume } from './connection/resume-held-tasks'
import { markTokenRefused } from './connection/token-refusal'
import { recordFailedRun } from './fail-sync-task'
import { acceptOrderOnBackMarket } from './operations/accept-order'
import { CancelPayloadSchema, cancelOrderlineOnBackMarket } from './operations/cancel-orderline'
import { pushStockToBackMarket } from './operations/push-stock'
import { getQueue, QUEUES } from './queue'
import { ShipPayloadSchema, shipOrderOnBackMarket } from './operations/ship-order'
import type { SyncOrder } from './operations/types'
import { backMarketRequestLimiter, backMarketSkuLineLimiter } from './backmarket-limits'
import { resolveSyncIssues, type IssueTarget } from './record-sync-issue'
import { REDISPATCH_PRIORITY } from './sweep-expired-leases'
import type { SyncCallContext } from './sync-call'
import { SyncDataError } from './sync-data-error'
import { CLAIM_TAKEABLE_SQL, ClaimLostError, confirmClaim, DB_NOW, handBackClaim, holdClaim, LEASE_MS, releaseClaim } from './task-lease'
import { waitForEarlierStep } from './wait-for-earlier-step'

export type RunOptions = {
  taskId: string
  /** Tests and the benchmark may hand in a client; otherwise the merchant's own. */
  client?: BackMarketClient
  now?: () => Date
  random?: () => number
  /** Fired when the worker stops: a run still waiting to write hands its claim back (handBack). */
  signal?: AbortSignal
}

/** The audit's name for the sync worker (token refused, or accepted again). */
const SYNC_JOB = 'sync-task'

type RunOutcome = 'verified' | 'accepted' | 'retry_scheduled' | 'failed' | 'skipped' | 'waiting' | 'handed_back'

// The claim's compare-and-set, timed on the database's clock (task-lease.ts says why). A stock
// update reads the quantity when it runs; once running, a new movement needs a new task, so its
// dedupe key is released now. Parcel updates keep it until they finish.
const claimTask = prepared(
  'sync_task_claim',
  `UPDATE "SyncTask" t
      SET status = 'SENT', attempts = t.attempts + 1, "sentAt" = ${DB_NOW}, "updatedAt" = ${DB_NOW},
          "leaseUntil" = ${DB_NOW} + make_interval(secs => $3), "nextAttemptAt" = NULL,
          "dedupeKey" = CASE WHEN t.operation = 'STOCK' THEN NULL ELSE t."dedupeKey" END
    WHERE t.id = $1::uuid AND t.attempts = $2 AND (t.status = 'QUEUED' OR (t.status = 'SENT' AND ${CLAIM_TAKEABLE_SQL('t')}))
   RETURNING t."leaseUntil", t."sentAt"`,
)

/**
 * Takes the task for this run, with a lease. Null when it is finished or another run took it
 * first. A SENT task is taken only once its last claim's lease has passed (its worker is gone) or
 * was handed back; a claim without a lease (an older worker's, during a deploy) once it is older
 * than pg-boss's expiry of its job.
 */
async function claim(task: SyncTask): Promise<SyncTask | null> {
  const [row] = await runPrepared<{ leaseUntil: Date; sentAt: Date }>(claimTask, [task.id, task.attempts, LEASE_MS / 1000])
  if (!row) return null
  return { ...task, status: 'SENT', attempts: task.attempts + 1, leaseUntil: row.leaseUntil, sentAt: row.sentAt, nextAttemptAt: null, ...(task.operation === 'STOCK' ? { dedupeKey: null } : {}) }
}

const claimLive = prepared('sync_task_claim_live', `SELECT NOT ${CLAIM_TAKEABLE_SQL('t')} AS live FROM "SyncTask" t WHERE t.id = $1::uuid AND t.status = 'SENT'`)

/** Whether a live run holds this SENT task (on the database's clock). */
async function heldByLiveRun(taskId: string): Promise<boolean> {
  const [row] = await runPrepared<{ live: boolean }>(claimLive, [taskId])
  return row?.live === true
}

/**
 * The order as Back Market must be told about it: each line's SKU through the merchant's mappings.
 * Accepting leaves out lines the warehouse cancelled: their CANCEL task cancels them instead.
 */
async function loadOrder(orderId: string, merchantId: string, operation: SyncTask['operation']): Promise<SyncOrder> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      lines: {
        where: operation === 'ACCEPT' ? { cancelledAt: null } : {},
        select: { id: true, bmOrderlineId: true, sku: true, listing: true },
        orderBy: { bmOrderlineId: 'asc' },
      },
    },
  })
  const bmSku = await bmSkusFor(merchantId, order.lines.map((l) => l.sku))
  return { ...order, lines: order.lines.map((l) => ({ ...l, sku: bmSku(l.sku), bmOrderlineId: String(l.bmOrderlineId) })) }
}

/** Keeps our copy of Back Market's state as fresh as the last answer we got. */
async function refreshOrderFromBackMarket(orderId: string, bm: BmOrder, now: Date): Promise<void> {
  const modified = new Date(bm.date_modification)
  await db.$transaction([
    db.order.updateMany({
      where: { id: orderId, bmDateModification: { lt: modified } },
      data: { bmState: bm.state, bmDateModification: modified, bmSnapshot: bm as unknown as Prisma.InputJsonValue, bmSeenAt: now },
    }),
    ...bm.orderlines.map((l) => db.orderLine.updateMany({ where: { orderId, bmOrderlineId: BigInt(l.id) }, data: { bmState: l.state } })),
  ])
}

export async function runSyncTask(opts: RunOptions): Promise<RunOutcome> {
  const now = opts.now ?? (() => new Date())
  const found = await db.syncTask.findUnique({ where: { id: opts.taskId } })
  if (!found || (found.status !== 'QUEUED' && found.status !== 'SENT')) return 'skipped'
  // A live run holds it (its job delivered twice): nothing to do, and nothing to hold or delay.
  if (found.status === 'SENT' && (await heldByLiveRun(found.id))) return 'skipped'
  const merchant = await db.merchant.findUniqueOrThrow({
    where: { id: found.merchantId },
    select: { id: true, bmTokenEncrypted: true, bmMarket: true, bmTokenRefusedAt: true },
  })
  // No token, or one Back Market refuses: the task waits (not an attempt, not a failure) until a
  // token is saved or accepted again (connection/resume-held-tasks.ts).
  if (!opts.client && (await holdTaskForConnection(found, merchant))) return 'waiting'
  if (await waitForEarlierStep(found, now())) return 'waiting'
  const task = await claim(found)
  if (!task) return 'skipped'
  // The worker renews the leases of the claims its runs hold (worker.ts).
  holdClaim(task.id, task.attempts)
  try {
    return await runClaimed(task, merchant, opts, now)
  } finally {
    releaseClaim(task.id, task.attempts)
  }
}

/** Whether the task is still this run's (renewing its lease): a run that lost it records nothing. */
async function stillClaimed(task: SyncTask): Promise<boolean> {
  try {
    await confirmClaim(task.id, task.attempts)
    return true
  } catch (err) {
    if (err instanceof ClaimLostError) return false
    throw err
  }
}

/**
 * A stopping worker's run that has not finished gives its claim back (task-lease.ts) with a job
 * ahead of the backlog, rather than holding it until its lease passes after the process is gone.
 * What it may have sent already is safe: the next run reads Back Market back first.
 */
async function handBack(task: SyncTask): Promise<RunOutcome> {
  if (await handBackClaim(task.id, task.attempts)) {
    const boss = await getQueue()
    await boss.send(QUEUES.syncTask, { taskId: task.id }, { singletonKey: task.id, priority: REDISPATCH_PRIORITY })
  }
  return 'handed_back'
}

async function runClaimed(task: SyncTask, merchant: TaskMerchant, opts: RunOptions, now: () => Date): Promise<RunOutcome> {
  // Filled in as the run learns it, for the issue a failure opens.
  const target: IssueTarget = { merchantId: task.merchantId, operation: task.operation, orderId: task.orderId, sku: task.sku, reference: null }
  let outcome: RunOutcome
  try {
    outcome = await tellBackMarket(task, merchant, target, opts, now)
  } catch (err) {
    // The worker is stopping while this run waits for its slot: another worker takes it at once.
    if (opts.signal?.aborted && err === opts.signal.reason) return handBack(task)
    // Another run took the task over (this run's lease passed): the outcome is that run's to record.
    if (err instanceof ClaimLostError || !(await stillClaimed(task))) return 'skipped'
    const sealed = merchant.bmTokenEncrypted
    if (refusesTokenEverywhere(err) && sealed !== null && !opts.client) {
      // The banner's cause.
      await markTokenRefused({ merchantId: merchant.id, sealedToken: sealed, err, operation: task.operation, job: SYNC_JOB, now: now() }).catch(
        (markErr: unknown) => log.warn({ err: markErr, taskId: task.id }, 'could not mark the Back Market token refused'),
      )
      // A 401 is the token's, not this update's: it waits for a working token, like the tasks
      // queued after it, rather than ending FAILED and staying so once the token is fixed. A 403
      // stays the task's CREDENTIALS issue (re-sent when a token is saved: resend-refused-work.ts).
      if (err.kind === 'unauthorized') {
        const held = await holdAfterTokenRefusal(task, sealed).catch((holdErr: unknown) => {
          log.warn({ err: holdErr, taskId: task.id }, 'could not hold the task for a working token')
          return false
        })
        if (held) return 'waiting'
      }
    }
    // Every failure ends here, Back Market's answers and ours (our data, our database, a bug):
    // retried within the budget or ended with an issue, never left to retry forever.
    return recordFailedRun({ task, target, err, now: now(), random: opts.random })
  }
  // Back Market accepted the token again (a refusal that did not last): the held tasks resume.
  if (merchant.bmTokenRefusedAt !== null && merchant.bmTokenEncrypted !== null && !opts.client) {
    await clearRefusalAndResume({ merchantId: merchant.id, sealedToken: merchant.bmTokenEncrypted, actor: workerActor(SYNC_JOB), now: now() }).catch((err: unknown) =>
      log.warn({ err, taskId: task.id }, 'could not clear the Back Market token refusal'),
    )
  }
  return outcome
}

async function tellBackMarket(task: SyncTask, merchant: TaskMerchant, target: IssueTarget, opts: RunOptions, now: () => Date): Promise<RunOutcome> {
  const client = opts.client ?? backMarketClientFor(merchant)
  const order = task.orderId ? await loadOrder(task.orderId, task.merchantId, task.operation) : null
  target.reference = order?.reference ?? null
  const ctx: SyncCallContext = {
    merchantId: task.merchantId,
    taskId: task.id,
    operation: task.operation,
    reference: order?.reference ?? null,
    sku: task.sku,
    attempt: task.attempts,
    requests: backMarketRequestLimiter(task.merchantId),
    confirmClaim: () => confirmClaim(task.id, task.attempts),
    signal: opts.signal,
  }
  // The first run of a task the warehouse flow created writes straight away; anything else may
  // already have reached Back Market (a retry, a crash, a merchant's re-sync) and reads first.
  const readBackFirst = task.attempts > 1 || task.origin !== 'flow'

  const execute = async (readBack: boolean) => {
    if (task.operation === 'STOCK') {
      if (!task.sku) throw new SyncDataError('task_without_sku', 'This stock update names no SKU: nothing was sent to Back Market.')
      return pushStockToBackMarket({ ctx, client, merchantId: task.merchantId, sku: task.sku, skuLines: backMarketSkuLineLimiter(task.merchantId) })
    }
    if (!order) throw new SyncDataError('task_without_order', 'This update has no order on our side: nothing was sent to Back Market.')
    const r =
      task.operation === 'ACCEPT'
        ? await acceptOrderOnBackMarket({ ctx, client, order, readBackFirst: readBack })
        : task.operation === 'CANCEL'
          ? await cancelOrderlineOnBackMarket({ ctx, client, order, payload: CancelPayloadSchema.parse(task.payload), readBackFirst: readBack })
          : await shipOrderOnBackMarket({ ctx, client, order, payload: ShipPayloadSchema.parse(task.payload), readBackFirst: readBack })
    if (r.bmOrder) await refreshOrderFromBackMarket(order.id, r.bmOrder, now())
    return r
  }

  let result
  try {
    result = await execute(readBackFirst)
  } catch (err) {
    // Back Market refused the transition: maybe because it already has it (accepted by hand in
    // the back office, or our earlier call landed). Read it back once before calling it an error.
    const refused = err instanceof BackMarketError && (err.kind === 'invalid_transition' || err.kind === 'validation')
    if (!refused || readBackFirst || task.operation === 'STOCK') throw err
    result = await execute(true)
  }
  const { outcome, verified } = result
  const at = now()
  // Fenced like the writes: a run taken over after its last call leaves the outcome to the new run.
  const { count } = await db.syncTask.updateMany({
    where: { id: task.id, attempts: task.attempts, status: 'SENT' },
    data: {
      status: verified ? 'VERIFIED' : 'ACCEPTED',
      leaseUntil: null,
      acceptedAt: at,
      verifiedAt: verified ? at : null,
      finishedAt: at,
      dedupeKey: null,
      failureKind: null,
      failureMessage: null,
      failureCode: null,
      failureParams: Prisma.DbNull,
    },
  })
  if (count === 0) return 'skipped'
  await resolveSyncIssues({ target, resolution: outcome === 'already_applied' ? 'read_back' : 'success', now: at })
  return verified ? 'verified' : 'accepted'
}
