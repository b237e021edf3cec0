// The workers' listener: a sweep when it starts (what was emitted while nobody listened), one per
// notification, and after its connection is cut it listens again by itself.
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { DELIVERY_CHANNEL } from './emit'
import { LISTENER_NAME, listenForDeliveries } from './webhook-jobs'

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
