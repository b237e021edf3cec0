// The sync worker: registers the job handlers and the schedules. Many workers may run at once;
// pg-boss makes each job run on one of them, and each schedule fire once.
import 'server-only'
import { isTokenRefusal } from '@/lib/backmarket/check-connection'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { log } from '@/lib/log'
import { registerWebhookJobs } from '@/lib/webhooks/webhook-jobs'
import { resumeConnectionWork, type ResumeJob } from './connection/resume-held-tasks'
import { importMerchantOrders } from './import-orders'
import { registerListingRecheck } from './listing-recheck-job'
import { getQueue, QUEUES } from './queue'
import { runSyncTask } from './run-sync-task'
import { sweepSyncTasks } from './sweep-sync-tasks'

/**
 * Sync jobs fetched per poll. pg-boss 10 sorts every queued job of the queue on each fetch (its
 * index is on start_after; the order is priority, created_on), so one fetch costs time in
 * proportion to the backlog: ~20 ms of database CPU with 10,000 queued (bench/sync). Fetching one
 * job at a time made that the main cost of draining a backlog; a batch divides it. A batch is only
 * fetched again once all its jobs are done, so it stays small to limit head-of-line waiting.
 */
const SYNC_FETCH_BATCH = 4

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
  // that runs without a sync handler (SYNC_CONCURRENCY=8x was NaN, and the loop below ran 0 times).
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
  for (let slots = SYNC_CONCURRENCY; slots > 0; slots -= SYNC_FETCH_BATCH) {
    const batchSize = Math.min(SYNC_FETCH_BATCH, slots)
    await boss.work<SyncJob>(QUEUES.syncTask, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      // Each job completes or fails on its own, as soon as it ends: a slow one neither holds the
      // others active nor, past the job expiry, gets them failed and run again.
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await runSyncTask({ taskId: job.data.taskId })
            await boss.complete(QUEUES.syncTask, job.id)
          } catch (err) {
            await boss.fail(QUEUES.syncTask, job.id, { message: err instanceof Error ? err.message : String(err) })
          }
        }),
      )
    })
  }
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
