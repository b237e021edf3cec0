// The durable job queue (pg-boss on our PostgreSQL, in its own `pgboss` schema). Every process
// (app instances and workers) may enqueue; only workers fetch. Claims use SKIP LOCKED, so any
// number of workers on any number of machines can run at once.
import 'server-only'
import PgBoss from 'pg-boss'
import { env } from '@/lib/env'
import { log } from '@/lib/log'

export const QUEUES = {
  /** Fans out one import-orders job per merchant; scheduled every minute (cron, once across all workers). */
  importTick: 'import-orders-tick',
  /** Imports one merchant's orders; at most one queued and one running per merchant. */
  importOrders: 'import-orders',
  /** Runs one SyncTask (accept, ship or stock update); singleton per task. */
  syncTask: 'sync-task',
  /** Re-delivers queued tasks whose job was lost (a crash between commit and send); every minute. */
  syncSweep: 'sync-sweep',
  /** Resumes one merchant's held and refused work once a token works again (one queued per merchant). */
  resumeHeld: 'resume-held-tasks',
  /** Applies recorded warehouse events (lib/warehouse-events); woken after each batch and every minute. */
  warehouseEvents: 'warehouse-events',
} as const

async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUES.importTick, { name: QUEUES.importTick, policy: 'singleton' })
  await boss.createQueue(QUEUES.importOrders, {
    name: QUEUES.importOrders,
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInMinutes: 10,
  })
  // Our own retry policy decides when a task runs again (it re-sends with startAfter); pg-boss's
  // retries only cover a worker that died mid-job (the job expires, then runs again).
  await boss.createQueue(QUEUES.syncTask, {
    name: QUEUES.syncTask,
    policy: 'stately',
    retryLimit: 20,
    retryDelay: 5,
    expireInSeconds: 60,
  })
  await boss.createQueue(QUEUES.syncSweep, { name: QUEUES.syncSweep, policy: 'singleton' })
  // Stately: a save while a resume runs queues one more (tasks held since its scan), no pile-up.
  await boss.createQueue(QUEUES.resumeHeld, { name: QUEUES.resumeHeld, policy: 'stately', retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInMinutes: 15 })
  // One run queued behind the active one is all a burst of batches needs: the run drains every
  // pending event, and the queued one picks up what arrived after it looked.
  // 'short': one run waits at most (a burst of batches costs one), but any number run at once, one
  // per worker: runs share the work through per-subject locks, and a run on a worker that died does
  // not hold the others back until its job expires (with 'stately' it stalled every worker).
  await boss.createQueue(QUEUES.warehouseEvents, { name: QUEUES.warehouseEvents, policy: 'short', retryLimit: 5, retryDelay: 5, expireInMinutes: 15 })
}

/**
 * pg-boss 10 fetches in (priority desc, created_on, id) order, but its index is on start_after:
 * every fetch read and sorted the whole backlog — 22 ms per fetch with 10,000 sync jobs queued,
 * 0.06 ms with this index, which the planner walks in fetch order (measured: EXPLAIN ANALYZE of
 * pg-boss's fetch, 10,000 jobs). Workers then fetch a job per freed slot (job-slots.ts). Created
 * on the partitioned table (each queue's partition gets it) once, under an advisory lock: workers
 * starting together do not race on the name. pg-boss is pinned (ADR 0003), and this index is
 * checked by queue.test.ts against pg-boss's own fetch.
 */
// Two statements in one simple query: one implicit transaction, which holds the lock to the end
// and rolls back cleanly on an error (an explicit BEGIN would leave the pooled connection aborted).
const FETCH_ORDER_INDEX = `SELECT pg_advisory_xact_lock(hashtext('pgboss.job_fetch_order'));
CREATE INDEX IF NOT EXISTS job_fetch_order ON pgboss.job (name, priority DESC, created_on, id) WHERE state < 'active'`
// Looked up first: even IF NOT EXISTS takes a ShareLock on pgboss.job and each of its partitions
// before it finds the index there, which blocks every send and fetch of every worker meanwhile —
// on each worker's start. So only a database without it (once) takes that lock.
const HAS_FETCH_ORDER_INDEX = `SELECT to_regclass('pgboss.job_fetch_order') IS NOT NULL AS present`

async function ensureFetchOrderIndex(boss: PgBoss): Promise<void> {
  const { rows } = (await boss.getDb().executeSql(HAS_FETCH_ORDER_INDEX, [])) as { rows: { present: boolean }[] }
  if (rows[0]?.present) return
  await boss.getDb().executeSql(FETCH_ORDER_INDEX, [])
}

async function startBoss(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4 })
  // pg-boss errors carry the whole pg client; the message and code are what help.
  boss.on('error', (err: Error & { code?: string }) => log.error({ message: err.message, code: err.code }, 'pg-boss error'))
  try {
    await boss.start()
    await createQueues(boss)
    await ensureFetchOrderIndex(boss)
  } catch (err) {
    // Half started (connected, then a statement failed): release its pool before trying again.
    await boss.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => {})
    throw err
  }
  return boss
}

export type QueueStarter = { get(): Promise<PgBoss>; stop(): Promise<void> }

/**
 * Starts pg-boss on first use; every caller of the process shares that one instance, and callers
 * arriving during the start share its outcome. A failed start is forgotten, so the next use tries
 * again: kept, one database hiccup at boot answered every re-sync of the instance with a 500
 * until it restarted.
 */
export function queueStarter(connectionString: () => string): QueueStarter {
  let started: Promise<PgBoss> | undefined
  return {
    get() {
      if (!started) {
        const starting = startBoss(connectionString())
        started = starting
        starting.catch(() => {
          if (started === starting) started = undefined
        })
      }
      return started
    },
    async stop() {
      const starting = started
      started = undefined
      const boss = await starting?.catch(() => undefined)
      await boss?.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}

const shared = queueStarter(() => env().DATABASE_URL)

export function getQueue(): Promise<PgBoss> {
  return shared.get()
}

export function stopQueue(): Promise<void> {
  return shared.stop()
}
