// Re-delivers tasks whose job went missing: a crash between the commit that created a task and
// the send of its job, or a job that expired or failed while its task was marked sent. Never
// forever: a task that has had its retry budget of runs, or is a day old, is ended instead.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { dispatchSyncTask } from './enqueue-sync-task'
import { deadLetterStalledTask } from './fail-sync-task'
import { QUEUES } from './queue'
import { internalGaveUp, RETRY_BUDGET } from './retry-policy'

/** Longer than a job can legitimately wait to start or run (pg-boss expires a sync job after 60 s). */
export const OVERDUE_MS = 2 * 60_000
/**
 * Past this age a task without a job is ended, whatever its attempt count: each run counts an
 * attempt, but a task whose runs never get that far (its job lost again and again) would
 * otherwise be re-sent forever. A day is far beyond the retry budget's ~10 minutes of backoff.
 */
export const MAX_TASK_AGE_MS = 24 * 3600_000

/** `ageFrom`: when the task last became due (sweepSyncTasks says why). */
type Swept = Pick<SyncTask, 'id' | 'merchantId' | 'operation' | 'orderId' | 'sku' | 'status' | 'attempts'> & { ageFrom: Date }

/**
 * Overdue tasks with no job still to run. Age alone is not enough: in a backlog a task's job can
 * wait in the queue for minutes, and re-sending it just as it completes left a second, useless
 * job (bench:sync counted 501 for 10,000 tasks). So the sweep asks pg-boss's own table whether
 * the task's job is still created, retrying or active (its state enum is ordered; pg-boss 10,
 * pinned in ADR 0003). The condition is written as pg-boss's own index for stately queues (job_i3:
 * name, state, COALESCE(singleton_key, '') where state <= 'active'), so each task is an index probe
 * however many finished jobs the table holds. Any number of sweepers: dispatch is a singleton.
 *
 * A task's age counts from when it last became due (created, resumed after a hold, retried, or
 * last sent; GREATEST skips the nulls), not from its creation: a task held for a day while the
 * merchant had no working token would otherwise be dead-lettered the minute it was resumed. A
 * task whose job is lost again and again keeps that time (a re-send does not move it) and ends.
 *
 * A SENT task whose claim holds a live lease is left alone however old its row: the renewals move
 * only the lease (updatedAt stays at the claim), and a live run can wait minutes for its rate
 * limit slot after pg-boss expired its job. The lease sweep (sweep-expired-leases.ts) takes over
 * once the lease passes; a lease-less claim (an older worker's) counts by updatedAt as before.
 */
export async function sweepSyncTasks(opts: { now?: Date; limit?: number } = {}): Promise<{ redelivered: number; deadLettered: number }> {
  const now = opts.now ?? new Date()
  const overdue = new Date(now.getTime() - OVERDUE_MS)
  const tasks = await db.$queryRaw<Swept[]>`
    SELECT t.id, t."merchantId", t.operation, t."orderId", t.sku, t.status, t.attempts,
           GREATEST(t."createdAt", t."nextAttemptAt", t."sentAt") AS "ageFrom" FROM "SyncTask" t
     WHERE ((t.status = 'QUEUED' AND t."nextAttemptAt" < ${overdue}::timestamp)
            OR (t.status = 'SENT' AND t."updatedAt" < ${overdue}::timestamp AND (t."leaseUntil" IS NULL OR t."leaseUntil" < now() AT TIME ZONE 'UTC')))
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j
                        WHERE j.name = ${QUEUES.syncTask} AND j.policy = 'stately' AND j.state <= 'active'
                          AND COALESCE(j.singleton_key, '') = t.id::text)
     ORDER BY t."createdAt"
     LIMIT ${opts.limit ?? 500}`
  const tooOld = now.getTime() - MAX_TASK_AGE_MS
  let deadLettered = 0
  for (const t of tasks) {
    if (t.attempts >= RETRY_BUDGET || t.ageFrom.getTime() < tooOld) {
      if (await deadLetterStalledTask(t, internalGaveUp(t.attempts), now)) deadLettered++
    } else {
      await dispatchSyncTask(t)
    }
  }
  return { redelivered: tasks.length - deadLettered, deadLettered }
}
