// The sync worker: registers the job handlers and the schedules. Many workers may run at once;
// pg-boss makes each job run on one of them, and each schedule fire once.
import 'server-only'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { importMerchantOrders } from './import-orders'
import { getQueue, QUEUES } from './queue'

type ImportJob = { merchantId: string }

export async function enqueueImportForAllMerchants(): Promise<number> {
  const boss = await getQueue()
  const merchants = await db.merchant.findMany({ select: { id: true } })
  for (const m of merchants) {
    // The singleton key with the stately policy collapses ticks that pile up behind a slow run.
    await boss.send(QUEUES.importOrders, { merchantId: m.id } satisfies ImportJob, { singletonKey: m.id })
  }
  return merchants.length
}

export async function startWorker(): Promise<void> {
  const boss = await getQueue()
  await boss.work(QUEUES.importTick, async () => {
    const n = await enqueueImportForAllMerchants()
    log.debug({ merchants: n }, 'import tick')
  })
  await boss.work<ImportJob>(QUEUES.importOrders, { batchSize: 1 }, async ([job]) => {
    if (!job) return
    const summary = await importMerchantOrders({ merchantId: job.data.merchantId })
    log.info({ merchantId: job.data.merchantId, ...summary }, 'orders imported')
  })
  await boss.schedule(QUEUES.importTick, '* * * * *')
  // Import right away on start rather than waiting for the first minute boundary.
  await enqueueImportForAllMerchants()
  log.info('sync worker started')
}
