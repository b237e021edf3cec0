// The workers' side: the listener sweeps when it starts (what was emitted while nobody listened)
// and on each notification, and listens again after its connection is cut; a delivery job hands a
// failed attempt back to the queue for the schedule's time.
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { DELIVERY_CHANNEL } from './emit'
import { startReceiver } from './testing/receiver'
import { createTestEndpoint, emitTestDelivery } from './testing/webhook-factories'
import { LISTENER_NAME, listenForDeliveries, runDeliverJob } from './webhook-jobs'

async function until(check: () => boolean, ms = 5_000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (check()) return
  throw new Error('timed out')
}

test('a listener whose connection is cut listens again, and sweeps on start and on each notification', async () => {
  let sweeps = 0
  const listener = await listenForDeliveries(process.env.DATABASE_URL!, async () => void sweeps++, { reopenAfterMs: 100 })
  onTestFinished(() => listener.stop())
  await until(() => sweeps >= 1)

  await db.$executeRawUnsafe(`NOTIFY ${DELIVERY_CHANNEL}`)
  await until(() => sweeps >= 2)

  const cut = await db.$queryRaw<{ ok: boolean }[]>`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ${LISTENER_NAME} AND pid <> pg_backend_pid()`
  expect(cut.length).toBeGreaterThanOrEqual(1)
  const before = sweeps
  await until(() => sweeps > before) // the sweep of the reopened listener
  const reopened = sweeps
  await db.$executeRawUnsafe(`NOTIFY ${DELIVERY_CHANNEL}`)
  await until(() => sweeps > reopened)
})

test('a delivery job against a receiver that fails then recovers: each failure goes back to the queue for the schedule’s time', async () => {
  const merchant = await createTestMerchant()
  const receiver = await startReceiver((_, n) => (n < 3 ? 503 : 200))
  const { endpoint } = await createTestEndpoint({ merchantId: merchant.id, url: receiver.url })
  const t0 = new Date()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: t0 })
  const queued: [string, Date | undefined][] = []
  const send = async (id: string, startAfter?: Date) => void queued.push([id, startAfter])

  // The queue runs each job at its startAfter: here, the clock jumps there.
  let at = t0
  for (let i = 0; i < 3; i++) {
    await runDeliverJob({ deliveryId: delivery.id, send, now: () => at })
    at = queued.at(-1)?.[1] ?? at
  }
  expect(queued).toEqual([
    [delivery.id, new Date(t0.getTime() + 5_000)],
    [delivery.id, new Date(t0.getTime() + 305_000)],
  ])
  expect(receiver.received).toHaveLength(3)
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 3 })
})
