// The sync worker: registers the job handlers and the schedules. Many workers may run at once;
// pg-boss makes each job run on one of them, and each schedule fire once.
import 'server-only'
import type PgBoss from 'pg-boss'
import { isTokenRefusal } from '@/lib/backmarket/check-connection'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { log } from '@/lib/log'
import { registerWebhookJobs } from '@/lib/webhooks/webhook-jobs'
import { resumeConnectionWork, type ResumeJob } from './connection/resume-held-tasks'
import { importMerchantOrders } from './import-orders'
import { registerListingRecheck } from './listing-recheck-job'
import { runJobSlots, type JobSlots } from './job-slots'
import { getQueue, QUEUES } from './queue'
import { runSyncTask } from './run-sync-task'
import { LEASE_SWEEP_MS, sweepExpiredLeases } from './sweep-expired-leases'
import { sweepSyncTasks } from './sweep-sync-tasks'
import { keepLeasesRenewed } from './task-lease'

/**
 * Between fetches that find the sync queue drained. A job sent meanwhile waits at most this long;
 * a freed slot with a backlog fetches at once (job-slots.ts).
 */
const SYNC_IDLE_POLL_MS = 500

type ImportJob = { merchantId: string }
type SyncJob = { taskId: string }

export async function enqueueImportForAllMerchants(): Promise<number> {
  const boss = await getQueue()
  // A merchant with no token has nothing to import (it is connected in Settings → Back Market).
  const merchants = await db.merchant.findMany({ where: { bmTokenEncrypted: { not: null } }, select: { id: true } })
  for (const m of merchants) {
    // The singleton key with the stately policy collapses ticks that pile up behind a slow run.
    await boss.send(QUEUES.importOrders, { merchantId: m.id } satisfies ImportJob, { singletonKey: m.id })
  }
  return merchants.length
}

export async function startWorker(): Promise<void> {
  // Parsed before anything starts: a bad variable stops the worker with its name, not a worker
  // that runs without a sync handler (SYNC_CONCURRENCY=8x was NaN, and no sync slot was started).
  const { SYNC_CONCURRENCY } = env()
  const boss = await getQueue()
  await boss.work(QUEUES.importTick, async () => {
    const n = await enqueueImportForAllMerchants()
    log.debug({ merchants: n }, 'import tick')
  })
  await boss.work<ImportJob>(QUEUES.importOrders, { batchSize: 1 }, async ([job]) => {
    if (!job) return
    try {
      const summary = await importMerchantOrders({ merchantId: job.data.merchantId })
      log.info({ merchantId: job.data.merchantId, ...summary }, 'orders imported')
    } catch (err) {
      // A refused token is recorded on the merchant (the banner says it); retrying the job in
      // seconds would only be refused again. The next minute's tick tries once more.
      if (!isTokenRefusal(err)) throw err
      log.warn({ merchantId: job.data.merchantId, status: err.status }, 'Back Market refused the token; import skipped')
    }
  })
  startSyncSlots(boss, SYNC_CONCURRENCY)
  await boss.work<ResumeJob>(QUEUES.resumeHeld, { batchSize: 1 }, async ([job]) => {
    if (!job) return
    const done = await resumeConnectionWork(job.data)
    log.info({ merchantId: job.data.merchantId, ...done }, 'held and refused sync work resumed')
  })
  await boss.work(QUEUES.syncSweep, async () => {
    const { redelivered, deadLettered } = await sweepSyncTasks()
    if (redelivered || deadLettered) log.info({ redelivered, deadLettered }, 'swept overdue sync tasks')
  })
  await boss.schedule(QUEUES.importTick, '* * * * *')
  await boss.schedule(QUEUES.syncSweep, '* * * * *')
  // SKUs waiting for a Back Market listing, every 10 minutes.
  await registerListingRecheck(boss)
  // Webhook deliveries: their queue, the minute sweep, and the listener woken by each emit's commit.
  await registerWebhookJobs(boss, { connectionString: env().DATABASE_URL })
  // Import right away on start rather than waiting for the first minute boundary.
  await enqueueImportForAllMerchants()
  log.info('sync worker started')
}

let stopSync: (() => Promise<void>) | null = null

/**
 * The sync tasks' slots, the renewal of their claims' leases, and the sweep that hands a dead
 * worker's tasks to the others (sweep-expired-leases.ts) — every worker sweeps, so recovery does
 * not wait on a schedule that fires once a minute across all workers.
 */
function startSyncSlots(boss: PgBoss, slots: number): void {
  const sync: JobSlots = runJobSlots<SyncJob>({
    boss,
    queue: QUEUES.syncTask,
    slots,
    idleMs: SYNC_IDLE_POLL_MS,
    // Stopping aborts the runs still waiting for a slot: each hands its claim back to the others.
    run: async (job, signal) => {
      await runSyncTask({ taskId: job.data.taskId, signal })
    },
  })
  const stopRenewing = keepLeasesRenewed(
    // Not a warning: a run that recorded its outcome (no longer SENT) is renewed no more until it ends.
    (lost) => log.debug({ taskIds: lost }, 'sync claims no longer renewed'),
    (err) => log.warn({ err }, 'could not renew the sync leases'),
  )
  let sweeping = false
  const sweep = setInterval(() => {
    if (sweeping) return
    sweeping = true
    sweepExpiredLeases()
      .then((r) => (r.redispatched || r.cancelledJobs) && log.info(r, 'sync tasks of a dead worker sent again'))
      .catch((err: unknown) => log.warn({ err }, 'lease sweep failed'))
      .finally(() => {
        sweeping = false
      })
  }, LEASE_SWEEP_MS)
  stopSync = async () => {
    clearInterval(sweep)
    // Leases are renewed until the last run ends or hands its claim back (bounded: job-slots.ts).
    await sync.stop()
    stopRenewing()
  }
}

/** Lets the running sync tasks end (no new ones start); then the queue may stop. */
export async function stopWorker(): Promise<void> {
  const stop = stopSync
  stopSync = null
  await stop?.()
}
