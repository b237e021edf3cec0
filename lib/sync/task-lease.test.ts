// The claim's lease against the real sandbox and database: a dead worker's task runs again once
// its lease passes, a live run keeps its task, and a run whose claim was taken over writes nothing.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test, vi } from 'vitest'
import { db, pgPool } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { enqueueSyncTask } from './enqueue-sync-task'
import { getQueue, QUEUES } from './queue'
import { backMarketRequestLimiter } from './backmarket-limits'
import { WorkerStopping } from './job-slots'
import { runSyncTask } from './run-sync-task'
import { REDISPATCH_PRIORITY, sweepExpiredLeases } from './sweep-expired-leases'
import { HANDED_BACK, holdClaim, LEASE_MS, LEGACY_CLAIM_S, releaseClaim, renewHeldLeases } from './task-lease'
import { sandboxOrders } from './testing/sandbox-orders'
import { until } from './testing/until'

const { control, merchantWithOrder } = await startBackMarketSandbox()

const { validatedOrder, writes, lineStates } = sandboxOrders({ control, merchantWithOrder }, 'lease')

const taskJobs = async (taskId: string) =>
  (await pgPool().query<{ state: string; priority: number }>(`SELECT state::text, priority FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on`, [QUEUES.syncTask, taskId])).rows

/** The lease of the task's claim passes: its worker stopped renewing it more than a lease ago. */
const leasePasses = (taskId: string) => db.$executeRaw`UPDATE "SyncTask" SET "leaseUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = ${taskId}::uuid`

/** The task's lease still runs for more than `seconds`, on the database's clock (the one leases are timed on). */
const leaseRunsFor = async (taskId: string, seconds: number) =>
  (await pgPool().query<{ runs: boolean }>(`SELECT "leaseUntil" > (now() AT TIME ZONE 'UTC') + make_interval(secs => $2) AS runs FROM "SyncTask" WHERE id = $1`, [taskId, seconds])).rows[0]!.runs

/** This task's part of a sweep (other test files' tasks may be swept by the same call). */
async function sweepFor(taskId: string) {
  await sweepExpiredLeases()
  return taskJobs(taskId)
}

test('a worker killed mid-call: once its lease passes the sweep sends the task again ahead of the queue, and it is applied once', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['KILL-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // The dead worker had fetched the task's job: it stays active, as pg-boss does not know it died.
  const fetched = await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND singleton_key = $2 AND state = 'created'`, [QUEUES.syncTask, task.id])
  expect(fetched.rowCount).toBe(1)
  // The write lands on Back Market, then its answer is held: the worker dies waiting for it.
  await control.setFaults({ afterWriteLatencyMs: 60_000 })
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('lib/sync/testing/run-task-child.ts'), task.id], { env: { ...process.env }, stdio: 'ignore' })
  try {
    await until('the child sent its write', async () => (await writes(token, reference)).length > 0)
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
  } finally {
    await control.clearFaults()
  }
  const dead = await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })
  expect(dead).toMatchObject({ status: 'SENT', attempts: 1 })
  expect(dead.leaseUntil!.getTime()).toBeGreaterThan(Date.now())

  // While the lease runs the claim looks alive: a redelivered job leaves it, the sweep too.
  expect(await runSyncTask({ taskId: task.id })).toBe('skipped')
  expect(await sweepFor(task.id)).toEqual([{ state: 'active', priority: 0 }])

  // Past the lease: the dead worker's job is cancelled (it would block the task's new job) and a
  // new one is queued with a priority that puts it before the backlog.
  await leasePasses(task.id)
  expect(await sweepFor(task.id)).toEqual([
    { state: 'cancelled', priority: 0 },
    { state: 'created', priority: REDISPATCH_PRIORITY },
  ])
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 1, leaseUntil: HANDED_BACK })
  // Swept once: another worker's sweep adds nothing.
  expect(await sweepFor(task.id)).toHaveLength(2)

  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(1)
  expect(await lineStates(token, reference)).toEqual([2])
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'VERIFIED', attempts: 2, leaseUntil: null })
  const boss = await getQueue()
  await boss.cancel(QUEUES.syncTask, (await pgPool().query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'`, [QUEUES.syncTask, task.id])).rows.map((r) => r.id))
})

test('a live run that waits long on Back Market keeps its task: the renewal moves its lease and nobody takes it', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['SLOW-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await control.setFaults({ afterWriteLatencyMs: 4_000 })
  const run = runSyncTask({ taskId: task.id })
  try {
    await until('the run sent its write', async () => (await writes(token, reference)).length > 0)
    // The call has lasted longer than the claim's lease; the worker's renewal moves it on.
    await leasePasses(task.id)
    expect(await renewHeldLeases()).toEqual([])
    expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 1 })
    expect(await leaseRunsFor(task.id, LEASE_MS / 1000 - 2)).toBe(true)
    // So the sweep and a second delivery of its job leave it to the live run.
    expect(await sweepFor(task.id)).toEqual([{ state: 'created', priority: 0 }])
    expect(await runSyncTask({ taskId: task.id })).toBe('skipped')
  } finally {
    await control.clearFaults()
  }
  expect(await run).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(1)
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'VERIFIED', attempts: 1, leaseUntil: null })
})

test('a run whose claim was taken over while its call was out does not write again', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['TAKEN-1', 'TAKEN-2'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // The first line's accept lands, and its answer is held for seconds.
  await control.setFaults({ afterWriteLatencyMs: 6_000 })
  const stalled = runSyncTask({ taskId: task.id })
  try {
    await until('the stalled run sent its first write', async () => (await writes(token, reference)).length > 0)
  } finally {
    await control.clearFaults()
  }
  // Its worker stopped renewing (stalled, cut off): the lease passes and another run takes the
  // task. It reads Back Market back, sees the first line accepted, accepts the second.
  await leasePasses(task.id)
  expect((await sweepFor(task.id)).map((j) => j.state)).toEqual(['created'])
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 1, leaseUntil: HANDED_BACK })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(2)

  // The stalled run's answer comes back; without the fence it would accept the second line again.
  expect(await stalled).toBe('skipped')
  expect(await writes(token, reference)).toHaveLength(2)
  expect(await lineStates(token, reference)).toEqual([2, 2])
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'VERIFIED', attempts: 2, leaseUntil: null })
  const stalledCalls = await db.syncAttempt.findMany({ where: { taskId: task.id, attempt: 1 } })
  expect(stalledCalls.map((a) => [a.method, a.sku, a.outcome])).toEqual([['POST', 'TAKEN-1', 'SUCCESS']])
})

test("a dead worker's job whose task is queued again (it died between the retry's row and its job) is cancelled and the task gets a job", async () => {
  const { merchant, order } = await validatedOrder(['RETRY-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // Fetched a minute ago by a worker that is gone; the task row says a retry is due.
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute' WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  await db.syncTask.update({ where: { id: task.id }, data: { status: 'QUEUED', attempts: 1, nextAttemptAt: new Date() } })
  expect(await sweepFor(task.id)).toEqual([
    { state: 'cancelled', priority: 0 },
    { state: 'created', priority: 0 },
  ])
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
})

test("a job a live run holds is left alone, however long it has run", async () => {
  const { merchant, order } = await validatedOrder(['LONG-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute' WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  await db.syncTask.update({ where: { id: task.id }, data: { status: 'SENT', attempts: 1, leaseUntil: new Date(Date.now() + LEASE_MS) } })
  expect(await sweepFor(task.id)).toEqual([{ state: 'active', priority: 0 }])
  await db.syncTask.update({ where: { id: task.id }, data: { status: 'FAILED', leaseUntil: null, dedupeKey: null } })
})

test('a task handed back by the sweep whose new job died with the worker that fetched it gets a job again', async () => {
  const { merchant, order } = await validatedOrder(['TWICE-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // Claimed by a worker that died (lease passed, swept: handed back), then its new job was fetched
  // by a worker that died too before claiming it.
  await db.syncTask.update({ where: { id: task.id }, data: { status: 'SENT', attempts: 1, leaseUntil: HANDED_BACK, nextAttemptAt: null } })
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute' WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  expect(await sweepFor(task.id)).toEqual([
    { state: 'cancelled', priority: 0 },
    { state: 'created', priority: REDISPATCH_PRIORITY },
  ])
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
})

test("leases are timed on the database's clock: a worker whose clock runs a minute ahead neither sweeps nor takes a live claim, and one a minute behind still renews its own", async () => {
  const { merchant, order } = await validatedOrder(['SKEW-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // A live run on another host claimed it moments ago and renews it; its job is active.
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '30 seconds' WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  await db.$executeRaw`UPDATE "SyncTask" SET status = 'SENT', attempts = 1, "sentAt" = now() AT TIME ZONE 'UTC', "leaseUntil" = (now() AT TIME ZONE 'UTC') + interval '8 seconds' WHERE id = ${task.id}::uuid`
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 })
  try {
    expect(await sweepFor(task.id)).toEqual([{ state: 'active', priority: 0 }])
    expect(await runSyncTask({ taskId: task.id })).toBe('skipped')
    expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 1 })

    // This process's run holds the claim, on a host whose clock is a minute behind.
    vi.setSystemTime(Date.now() - 120_000)
    holdClaim(task.id, 1)
    expect(await renewHeldLeases()).toEqual([])
    expect(await leaseRunsFor(task.id, LEASE_MS / 1000 - 2)).toBe(true)
  } finally {
    releaseClaim(task.id, 1)
    vi.useRealTimers()
  }
  await db.syncTask.update({ where: { id: task.id }, data: { status: 'FAILED', leaseUntil: null, dedupeKey: null } })
})

test("a claim without a lease (a worker of the previous version, in a rolling deploy) is left to it until it is older than pg-boss's expiry of its job", async () => {
  const { token, merchant, order, reference } = await validatedOrder(['LEGACY-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // Claimed 30 s ago by an older worker, which sets no lease; its run is still waiting for its slot.
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '30 seconds' WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  await db.$executeRaw`UPDATE "SyncTask" SET status = 'SENT', attempts = 1, "sentAt" = (now() AT TIME ZONE 'UTC') - interval '30 seconds', "leaseUntil" = NULL WHERE id = ${task.id}::uuid`
  expect(await sweepFor(task.id)).toEqual([{ state: 'active', priority: 0 }])
  expect(await runSyncTask({ taskId: task.id })).toBe('skipped')
  expect(await writes(token, reference)).toHaveLength(0)

  // Long past its job's expiry: that worker is gone. Its job is cancelled, the task sent again.
  await db.$executeRaw`UPDATE "SyncTask" SET "sentAt" = (now() AT TIME ZONE 'UTC') - make_interval(secs => ${LEGACY_CLAIM_S + 10}) WHERE id = ${task.id}::uuid`
  expect(await sweepFor(task.id)).toEqual([
    { state: 'cancelled', priority: 0 },
    { state: 'created', priority: REDISPATCH_PRIORITY },
  ])
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(1)
})

test('a stopping worker aborts a run that waits for its slot: the claim is handed back with a job ahead of the queue, and another worker applies it once', async () => {
  const { token, merchant, order, reference } = await validatedOrder(['STOP-1'])
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // This worker fetched the task's job; Back Market said 429 a moment ago: the run's write waits two minutes for its slot.
  await pgPool().query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND singleton_key = $2`, [QUEUES.syncTask, task.id])
  const limiter = backMarketRequestLimiter(merchant.id)
  await limiter.penalize(120_000)
  const stopping = new AbortController()
  const run = runSyncTask({ taskId: task.id, signal: stopping.signal })
  try {
    await until('the run claimed the task', async () => (await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).attempts === 1)
    stopping.abort(new WorkerStopping())
    expect(await run).toBe('handed_back')
  } finally {
    await db.rateLimitBucket.deleteMany({ where: { key: limiter.key } })
  }
  expect(await writes(token, reference)).toHaveLength(0)
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SENT', attempts: 1, leaseUntil: HANDED_BACK })
  expect(await taskJobs(task.id)).toEqual([
    { state: 'active', priority: 0 },
    { state: 'created', priority: REDISPATCH_PRIORITY },
  ])
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
  expect(await writes(token, reference)).toHaveLength(1)
})
