// Every few seconds on every worker: the tasks of a worker that died go back to the workers.
// A SENT task whose lease passed (task-lease.ts) was claimed by a run nobody renews any more: its
// lease is marked handed back (HANDED_BACK), which lets the next claim take it, and its job goes back on the queue ahead
// of the backlog (it had its turn already). The next run reads Back Market back before writing
// (run-sync-task.ts: any run after the first does), so what the dead run sent is not sent again.
//
// The dead worker's pg-boss jobs stay 'active' until pg-boss expires them (a minute, then its
// next maintenance): on our stately queue an active job blocks any other job of its task from
// being fetched, and pg-boss's fetch then fails as a whole and returns nothing — one such job at
// the head of the queue stops every worker. So active jobs that no live claim stands behind are
// cancelled here too (the task row is the truth; a job only delivers it).
import 'server-only'
import { prepared, runPrepared } from '@/lib/db/prepared'
import { getQueue, QUEUES } from './queue'
import { CLAIM_TAKEABLE_SQL, DB_NOW, HANDED_BACK_SQL, LEASE_MS } from './task-lease'

/** How often each worker sweeps. With LEASE_MS, it bounds how long a dead worker's task waits. */
export const LEASE_SWEEP_MS = 1_500
/** pg-boss fetches higher priorities first: a task taken from a dead worker runs before the backlog. */
export const REDISPATCH_PRIORITY = 10

// SKIP LOCKED: any number of workers sweep at once, each task is taken by one of them.
const expireLeases = prepared(
  'sync_task_expire_leases',
  `WITH expired AS (
     SELECT id FROM "SyncTask" WHERE status = 'SENT' AND "leaseUntil" < ${DB_NOW} AND "leaseUntil" > ${HANDED_BACK_SQL}
      ORDER BY "leaseUntil" LIMIT $1 FOR UPDATE SKIP LOCKED)
   UPDATE "SyncTask" t SET "leaseUntil" = ${HANDED_BACK_SQL} FROM expired WHERE t.id = expired.id
   RETURNING t.id`,
)

// An active job is an orphan when its task has no live claim and the job has been active longer
// than a lease: a live worker completes a job within moments of its run's end, and a run in
// progress holds a lease — or, run by a worker of a version before leases (a rolling deploy),
// claimed the task less than LEGACY_CLAIM_S ago. The condition on state is pg-boss's index for stately queues (job_i3);
// each job finds its task by primary key (every sync job's singleton key is its task's id).
const orphanJobs = prepared(
  'sync_task_orphan_jobs',
  `SELECT j.id, j.singleton_key AS "taskId", t.status::text AS status, t."nextAttemptAt"
     FROM pgboss.job j LEFT JOIN "SyncTask" t ON t.id = j.singleton_key::uuid
    WHERE j.name = $1 AND j.policy = 'stately' AND j.state = 'active'
      AND (j.singleton_key = ANY($2::text[])
           OR (j.started_on < now() - make_interval(secs => $3)
               AND (t.id IS NULL OR t.status <> 'SENT' OR ${CLAIM_TAKEABLE_SQL('t')})))`,
)

type Orphan = { id: string; taskId: string | null; status: string | null; nextAttemptAt: Date | null }

export async function sweepExpiredLeases(opts: { limit?: number } = {}): Promise<{ redispatched: number; cancelledJobs: number }> {
  const now = new Date()
  const expired = await runPrepared<{ id: string }>(expireLeases, [opts.limit ?? 200])
  const expiredIds = expired.map((t) => t.id)
  const orphans = await runPrepared<Orphan>(orphanJobs, [QUEUES.syncTask, expiredIds, LEASE_MS / 1000])
  const boss = await getQueue()
  // Cancelled before the new jobs are sent: a new job behind a still-active one cannot be fetched.
  if (orphans.length > 0) await boss.cancel(QUEUES.syncTask, orphans.map((j) => j.id))
  for (const id of expiredIds) await boss.send(QUEUES.syncTask, { taskId: id }, { singletonKey: id, priority: REDISPATCH_PRIORITY })
  // The task of a cancelled job has no job now: a worker died after fetching it but before its run
  // claimed the task (SENT without a live lease: one this sweep or another already handed back, or
  // QUEUED), or after the run queued a retry but before it sent the retry's job. Left alone, the
  // minute sweeper would find it two minutes later (bench:sync saw 117 s). (Singleton: no second job.)
  const expiredSet = new Set(expiredIds)
  for (const j of orphans) {
    if (!j.taskId || expiredSet.has(j.taskId)) continue
    if (j.status === 'SENT') await boss.send(QUEUES.syncTask, { taskId: j.taskId }, { singletonKey: j.taskId, priority: REDISPATCH_PRIORITY })
    if (j.status !== 'QUEUED' || !j.nextAttemptAt) continue
    const startAfter = j.nextAttemptAt > now ? j.nextAttemptAt : undefined
    await boss.send(QUEUES.syncTask, { taskId: j.taskId }, { singletonKey: j.taskId, ...(startAfter ? { startAfter } : {}) })
  }
  return { redispatched: expiredIds.length, cancelledJobs: orphans.length }
}
