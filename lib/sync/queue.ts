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
} as const

let started: Promise<PgBoss> | undefined

export function getQueue(): Promise<PgBoss> {
  started ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: 'pgboss', max: 4 })
    // pg-boss errors carry the whole pg client; the message and code are what help.
    boss.on('error', (err: Error & { code?: string }) => log.error({ message: err.message, code: err.code }, 'pg-boss error'))
    await boss.start()
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
    return boss
  })()
  return started
}

export async function stopQueue(): Promise<void> {
  if (!started) return
  const boss = await started
  started = undefined
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
}
