// The worker's side of warehouse events: a run of the processor whenever the ingest (or the import
// waking parked events) sends a job, and one a minute to pick up what a lost notification or a
// retry delay left behind. The queue keeps one run waiting at most (lib/sync/queue.ts), so a burst
// of batches costs one queued run, not one per batch; each worker runs one at a time.
import 'server-only'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'
import { QUEUES } from '@/lib/sync/queue'
import { notifyEventProcessor } from '@/lib/sync/warehouse-event-wakeup'
import { processPendingEvents } from './process-events'

/** A run stops after this long and queues the next, well within the job's 15-minute expiry. */
const RUN_BUDGET_MS = 5 * 60_000

export async function registerWarehouseEventJobs(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.warehouseEvents, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => {
    const summary = await processPendingEvents({ deadline: Date.now() + RUN_BUDGET_MS })
    if (summary.more) await notifyEventProcessor()
    if (summary.applied + summary.parked + summary.refused + summary.failed > 0) log.info(summary, 'warehouse events processed')
  })
  await boss.schedule(QUEUES.warehouseEvents, '* * * * *')
}
