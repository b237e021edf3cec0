// `npm run worker`: the sync worker process. Run as many as you like.
import { registerIdempotencyPrune } from '@/lib/api-v1/idempotency-prune-job'
import { log } from '@/lib/log'
import { startWorker, stopWorker } from '@/lib/sync/worker'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { registerWarehouseEventJobs } from '@/lib/warehouse-events/register-event-jobs'

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'worker stopping')
  // The running sync tasks end or hand their claims back first (at most STOP_GRACE_MS: job-slots.ts), then the queue stops.
  await stopWorker().catch((err) => log.error({ err }, 'sync slots stop failed'))
  await stopQueue().catch((err) => log.error({ err }, 'worker stop failed'))
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

async function start() {
  await startWorker()
  // Registered here rather than in lib/sync/worker.ts: lib/warehouse-events builds on lib/sync.
  await registerWarehouseEventJobs(await getQueue())
  await registerIdempotencyPrune(await getQueue())
}

start().catch((err) => {
  log.fatal({ err }, 'worker failed to start')
  process.exit(1)
})
