// Re-delivers tasks whose job went missing: a crash between the commit that created a task and
// the send of its job, or a job that expired or failed while its task was marked sent.
import 'server-only'
import { db } from '@/lib/db'
import { dispatchSyncTask } from './enqueue-sync-task'
import { QUEUES } from './queue'

/** Longer than a job can legitimately wait to start or run (pg-boss expires a sync job after 60 s). */
export const OVERDUE_MS = 2 * 60_000

/**
 * Overdue tasks with no job still to run. Age alone is not enough: in a backlog a task's job can
 * wait in the queue for minutes, and re-sending it just as it completes left a second, useless
 * job (bench:sync counted 501 for 10,000 tasks). So the sweep asks pg-boss's own table whether
 * the task's job is still created, retrying or active (its state enum is ordered; pg-boss 10,
 * pinned in ADR 0003). The condition is written as pg-boss's own index for stately queues (job_i3:
 * name, state, COALESCE(singleton_key, '') where state <= 'active'), so each task is an index probe
 * however many finished jobs the table holds. Any number of sweepers: dispatch is a singleton.
 */
export async function sweepSyncTasks(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const overdue = new Date(now.getTime() - OVERDUE_MS)
  const tasks = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "SyncTask" t
     WHERE ((t.status = 'QUEUED' AND t."nextAttemptAt" < ${overdue}::timestamp) OR (t.status = 'SENT' AND t."updatedAt" < ${overdue}::timestamp))
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j
                        WHERE j.name = ${QUEUES.syncTask} AND j.policy = 'stately' AND j.state <= 'active'
                          AND COALESCE(j.singleton_key, '') = t.id::text)
     ORDER BY t."createdAt"
     LIMIT ${opts.limit ?? 500}`
  for (const t of tasks) await dispatchSyncTask(t)
  return tasks.length
}
