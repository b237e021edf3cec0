import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncTask } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant } from '@/test/factories'
import { dispatchSyncTask } from './enqueue-sync-task'
import { getQueue, stopQueue } from './queue'
import { OVERDUE_MS, sweepSyncTasks } from './sweep-sync-tasks'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

async function jobs(taskId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = 'sync-task' AND singleton_key = ${taskId} ORDER BY created_on`
  return rows.map((r) => r.state)
}

async function overdueTask(status: 'QUEUED' | 'SENT') {
  const merchant = await createTestMerchant()
  const { task } = await createTestSyncTask({ merchantId: merchant.id, status })
  const long = new Date(Date.now() - OVERDUE_MS - 60_000)
  // updatedAt is set by Prisma on every write: only raw SQL can age it.
  await db.$executeRaw`UPDATE "SyncTask" SET "nextAttemptAt" = ${long}::timestamp, "updatedAt" = ${long}::timestamp WHERE id = ${task.id}::uuid`
  return task
}

test('an overdue task whose job is still waiting or running is left alone', async () => {
  const waiting = await overdueTask('QUEUED')
  const running = await overdueTask('QUEUED')
  await dispatchSyncTask(waiting)
  await dispatchSyncTask(running)
  // A worker has just fetched it: the queue's singleton would let a second job in beside it.
  await db.$executeRaw`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = 'sync-task' AND singleton_key = ${running.id}`

  await sweepSyncTasks()

  expect(await jobs(waiting.id)).toEqual(['created'])
  expect(await jobs(running.id)).toEqual(['active'])
})

test('an overdue task without a job to run (lost, or finished while the task says sent) gets one', async () => {
  const lost = await overdueTask('QUEUED')
  const expired = await overdueTask('SENT')
  await dispatchSyncTask(expired)
  await db.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE name = 'sync-task' AND singleton_key = ${expired.id}`

  await sweepSyncTasks()

  expect(await jobs(lost.id)).toEqual(['created'])
  expect(await jobs(expired.id)).toEqual(['failed', 'created'])
})

test('a task not yet overdue, or finished, is not swept', async () => {
  const merchant = await createTestMerchant()
  const { task: fresh } = await createTestSyncTask({ merchantId: merchant.id, status: 'QUEUED' })
  const done = await overdueTask('QUEUED')
  await db.$executeRaw`UPDATE "SyncTask" SET status = 'VERIFIED' WHERE id = ${done.id}::uuid`

  await sweepSyncTasks()

  expect(await jobs(fresh.id)).toEqual([])
  expect(await jobs(done.id)).toEqual([])
})
