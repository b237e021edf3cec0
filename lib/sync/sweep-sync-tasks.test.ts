import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncTask } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant } from '@/test/factories'
import { dispatchSyncTask } from './enqueue-sync-task'
import { getQueue, stopQueue } from './queue'
import { RETRY_BUDGET } from './retry-policy'
import { MAX_TASK_AGE_MS, OVERDUE_MS, sweepSyncTasks } from './sweep-sync-tasks'

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

test('a task past its retry budget, or a day old, is never re-sent: the sweeper ends it with an issue and releases its key', async () => {
  const spent = await overdueTask('SENT')
  const old = await overdueTask('QUEUED')
  const dayAgo = new Date(Date.now() - MAX_TASK_AGE_MS - 60_000)
  await db.$executeRaw`UPDATE "SyncTask" SET attempts = ${RETRY_BUDGET}, "dedupeKey" = ${`test:${spent.id}`} WHERE id = ${spent.id}::uuid`
  // Due a day ago, and its job lost ever since (a re-send does not move nextAttemptAt).
  await db.$executeRaw`UPDATE "SyncTask" SET attempts = 1, "createdAt" = ${dayAgo}::timestamp, "nextAttemptAt" = ${dayAgo}::timestamp WHERE id = ${old.id}::uuid`

  expect(await sweepSyncTasks()).toMatchObject({ deadLettered: 2 })

  for (const t of [spent, old]) {
    expect(await jobs(t.id)).toEqual([])
    expect(await db.syncTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: 'FAILED', failureKind: 'dead', dedupeKey: null, failureCode: 'internal_gave_up' })
    expect(await db.syncIssue.findFirstOrThrow({ where: { lastTaskId: t.id } })).toMatchObject({ status: 'OPEN', kind: 'INTERNAL' })
  }
  await sweepSyncTasks()
  expect(await jobs(spent.id)).toEqual([])
})

test('a task held for days, then resumed, is re-sent rather than dead-lettered: its age counts from the resume', async () => {
  const resumed = await overdueTask('QUEUED')
  const daysAgo = new Date(Date.now() - 3 * MAX_TASK_AGE_MS)
  // Created days ago, held (no next attempt) until a token was saved a few minutes ago, its job lost.
  await db.$executeRaw`UPDATE "SyncTask" SET "createdAt" = ${daysAgo}::timestamp WHERE id = ${resumed.id}::uuid`

  expect(await sweepSyncTasks()).toMatchObject({ deadLettered: 0 })
  expect(await jobs(resumed.id)).toEqual(['created'])
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: resumed.id } })).toMatchObject({ status: 'QUEUED' })
})

test('a SENT task whose claim holds a live lease is left to its run, however old its row and its job; once the lease passes it is ended', async () => {
  // A live run waiting minutes for its rate-limit slot: its job expired, its renewals moved only the lease.
  const live = await overdueTask('SENT')
  await db.$executeRaw`UPDATE "SyncTask" SET attempts = ${RETRY_BUDGET}, "leaseUntil" = (now() AT TIME ZONE 'UTC') + interval '8 seconds' WHERE id = ${live.id}::uuid`

  await sweepSyncTasks()
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: 'SENT', attempts: RETRY_BUDGET })
  expect(await jobs(live.id)).toEqual([])

  // Its worker died: the lease passes, and the run it stood for is gone.
  await db.$executeRaw`UPDATE "SyncTask" SET "leaseUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = ${live.id}::uuid`
  await sweepSyncTasks()
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: 'FAILED', failureKind: 'dead' })
})
