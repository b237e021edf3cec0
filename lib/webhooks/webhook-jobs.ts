// The webhook side of the worker: the delivery queue, the minute sweep, and a LISTEN on the
// channel every emit notifies on commit, so a delivery leaves within moments of its change.
import 'server-only'
import pg from 'pg'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'
import { deliverWebhook, type DeliverResult } from './deliver'
import { DELIVERY_CHANNEL } from './emit'
import { pruneWebhookLog } from './prune-webhook-log'
import { sweepDueDeliveries, type SendDeliveryJob } from './sweep-deliveries'

export const WEBHOOK_QUEUES = {
  /** One attempt of one delivery; singleton per delivery. */
  deliver: 'webhook-deliver',
  /** Sends jobs for due deliveries whose job is missing; every minute. */
  sweep: 'webhook-sweep',
  /** Deletes the delivery log past its 30 days; hourly. */
  prune: 'webhook-prune',
} as const

type DeliverJob = { deliveryId: string }

export const LISTENER_NAME = 'webhook-listener'

/** Attempts one worker process makes at once. */
const DELIVERY_LOOPS = 8

/** One attempt; a failure to retry is handed back to the queue for its time (startAfter). */
export async function runDeliverJob(opts: { deliveryId: string; send: SendDeliveryJob; now?: () => Date }): Promise<DeliverResult> {
  const result = await deliverWebhook({ deliveryId: opts.deliveryId, trigger: 'auto', now: opts.now })
  if (result.outcome === 'retry' && result.nextAttemptAt) await opts.send(opts.deliveryId, result.nextAttemptAt)
  return result
}

export async function registerWebhookJobs(boss: PgBoss, opts: { connectionString: string }): Promise<{ stop: () => Promise<void> }> {
  // Our schedule decides when an attempt runs again (startAfter); pg-boss's retries only cover a
  // worker that died mid-attempt.
  await boss.createQueue(WEBHOOK_QUEUES.deliver, { name: WEBHOOK_QUEUES.deliver, policy: 'stately', retryLimit: 5, retryDelay: 30, expireInSeconds: 60 })
  await boss.createQueue(WEBHOOK_QUEUES.sweep, { name: WEBHOOK_QUEUES.sweep, policy: 'singleton' })
  const send = (deliveryId: string, startAfter?: Date) =>
    boss.send(WEBHOOK_QUEUES.deliver, { deliveryId } satisfies DeliverJob, { singletonKey: deliveryId, ...(startAfter ? { startAfter } : {}) })

  // Several loops: one slow receiver (up to 15 s an attempt) must not hold every other delivery.
  for (let i = 0; i < DELIVERY_LOOPS; i++) {
    await boss.work<DeliverJob>(WEBHOOK_QUEUES.deliver, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job) await runDeliverJob({ deliveryId: job.data.deliveryId, send })
    })
  }
  await boss.work(WEBHOOK_QUEUES.sweep, async () => {
    const sent = await sweepDueDeliveries({ send })
    if (sent) log.info({ sent }, 'webhook deliveries swept')
  })
  await boss.schedule(WEBHOOK_QUEUES.sweep, '* * * * *')
  await boss.createQueue(WEBHOOK_QUEUES.prune, { name: WEBHOOK_QUEUES.prune, policy: 'singleton' })
  await boss.work(WEBHOOK_QUEUES.prune, async () => {
    const pruned = await pruneWebhookLog()
    if (pruned) log.info({ pruned }, 'webhook log pruned')
  })
  await boss.schedule(WEBHOOK_QUEUES.prune, '17 * * * *')
  return listenForDeliveries(opts.connectionString, () => sweepDueDeliveries({ send }))
}

/**
 * Runs `sweep` after each notification; notifications arriving during a sweep make one more run.
 * A lost connection is opened again after a pause (deliveries meanwhile wait for the minute sweep).
 */
export async function listenForDeliveries(connectionString: string, sweep: () => Promise<unknown>, opts: { reopenAfterMs?: number } = {}): Promise<{ stop: () => Promise<void> }> {
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = sweep()
      .then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'webhook sweep after notify failed; the minute sweep will catch up'),
      )
      .finally(() => {
        running = null
        if (again) {
          again = false
          run()
        }
      })
  }
  let client: pg.Client | null = null
  let stopped = false
  const reopenLater = (err: Error) => {
    log.warn({ err: err.message }, 'webhook listener connection lost; listening again in 5 s')
    if (!stopped) setTimeout(() => void open().catch(reopenLater), opts.reopenAfterMs ?? 5_000)
  }
  const open = async (): Promise<void> => {
    // Named, so it can be told apart in pg_stat_activity.
    const c = new pg.Client({ connectionString, application_name: LISTENER_NAME })
    c.on('notification', run)
    c.on('error', (err) => {
      c.end().catch(() => {})
      reopenLater(err)
    })
    await c.connect()
    await c.query(`LISTEN ${DELIVERY_CHANNEL}`)
    client = c
    // Whatever was emitted while nobody listened.
    run()
  }
  await open()
  return {
    stop: async () => {
      stopped = true
      await client?.end()
    },
  }
}
