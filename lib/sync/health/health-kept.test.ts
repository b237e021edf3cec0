// The summary the write paths keep equals the one rebuilt from the records, field by field, after
// a random run of real outcomes through the engine's own recording code: failed calls of every
// kind (some retried, some final, some a read whose failure the run survives, some whose run
// records no issue at all), successes that resolve, dismissals, read-back resolutions, dead
// letters, several merchants' outcomes at once, failures seconds before an issue opens, and gaps
// of more than 7 days that restart a failure's streak. Back Market's answers are made as
// its client makes them (BackMarketError): the network is the only thing not real here.
import { afterAll, expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'
import type { SyncOperation } from '@/lib/generated/prisma/enums'
import { testActor } from '@/test/audit-fixtures'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { getConnectionHealth } from '../connection-health'
import { dismissSyncIssue } from '../dismiss-sync-issue'
import { deadLetterStalledTask, recordFailedRun } from '../fail-sync-task'
import { stopQueue } from '../queue'
import { resolveSyncIssues, type IssueTarget } from '../record-sync-issue'
import { internalGaveUp } from '../retry-policy'
import { syncCall, type SyncCallContext } from '../sync-call'
import { createTestSyncTask } from '../testing/sync-factories'
import { rebuildMerchantHealth } from './rebuild-health'
import { createRng } from '@/test/fuzz/prng'

afterAll(() => stopQueue())

/** What is kept for a merchant, in a shape two readings compare in field by field (ids and versions aside). */
async function keptHealth(merchantId: string) {
  const summary = await db.merchantHealth.findUnique({ where: { merchantId }, omit: { version: true, updatedAt: true } })
  const groups = await db.syncFailureGroup.findMany({ where: { merchantId }, omit: { id: true }, orderBy: { groupKey: 'asc' } })
  return { summary, groups }
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

// Few distinct answers, so that failures repeat and groups count.
const ANSWERS = [
  () => new BackMarketError('server', 'Back Market is unavailable', { status: 503 }),
  () => new BackMarketError('timeout', 'no answer within 15 s'),
  () => new BackMarketError('not_found', 'order not found', { status: 404, bmCode: 'not_found' }),
  () => new BackMarketError('invalid_transition', 'the order is not in a state that allows it', { status: 400 }),
] as const

type Target = { operation: SyncOperation; orderId: string | null; reference: string | null; sku: string | null }
type Running = { task: Pick<SyncTask, 'id' | 'merchantId' | 'operation' | 'orderId' | 'sku' | 'attempts'> }

async function targetsFor(merchantId: string): Promise<Target[]> {
  const a = await createTestOrder({ merchantId })
  const b = await createTestOrder({ merchantId })
  return [
    { operation: 'ACCEPT', orderId: a.id, reference: a.reference, sku: null },
    { operation: 'SHIP', orderId: b.id, reference: b.reference, sku: null },
    { operation: 'CANCEL', orderId: a.id, reference: a.reference, sku: 'SKU-LINE-1' },
    { operation: 'STOCK', orderId: null, reference: null, sku: 'SKU-STOCK-1' },
    { operation: 'STOCK', orderId: null, reference: null, sku: 'SKU-STOCK-2' },
  ]
}

/** One merchant's random history, its clock moving forward; returns when it ends. */
async function randomHistory(merchantId: string, seed: number, start: Date, steps: number): Promise<void> {
  const r = createRng(seed)
  const targets = await targetsFor(merchantId)
  const running = new Map<Target, Running>()
  let clock = start.getTime()
  const now = () => new Date(clock)

  const taskOf = async (t: Target): Promise<Running> => {
    const found = running.get(t)
    if (found) return found
    const { task } = await createTestSyncTask({ merchantId, operation: t.operation, sku: t.sku ?? undefined, status: 'SENT', order: t.orderId ? { id: t.orderId, reference: t.reference! } : undefined })
    const made = { task: { ...task, attempts: 0 } }
    running.set(t, made)
    return made
  }
  const issueTarget = (t: Target): IssueTarget => ({ merchantId, operation: t.operation, orderId: t.orderId, sku: t.sku, reference: t.reference })
  const ctxOf = (t: Target, run: Running): SyncCallContext => ({
    merchantId, taskId: run.task.id, operation: t.operation, reference: t.reference, sku: t.sku, attempt: run.task.attempts, requests: { acquire: async () => undefined }, now,
  })
  const failCall = (ctx: SyncCallContext, method: 'GET' | 'POST') =>
    syncCall(ctx, { method, path: '/ws/somewhere' }, () => Promise.reject(r.pick(ANSWERS)())).catch((err: unknown) => err)

  for (let i = 0; i < steps; i++) {
    // Minutes to hours between outcomes, now and then seconds (inside the minute in which an issue
    // takes the failures before it), and now and then more than the 7 days of a streak.
    const gap = r.next()
    clock += gap < 0.04 ? 8 * DAY : gap < 0.2 ? (1 + Math.floor(r.next() * 50)) * 1_000 : (2 + Math.floor(r.next() * 180)) * MINUTE
    const t = r.pick(targets)
    const roll = r.next()
    if (roll < 0.1) {
      // A failed call whose run records no issue: a confirmation read that failed (accept's verify),
      // a cancellation's read-back it shrugs off, a token Back Market refused (the task is held), a
      // run whose claim was lost before it could record its failure.
      const run = await taskOf(t)
      const ctx = ctxOf(t, run)
      const kind = r.next()
      if (kind < 0.5) await failCall(ctx, 'GET')
      else if (kind < 0.75) await syncCall(ctx, { method: 'POST', path: '/ws/somewhere' }, () => Promise.reject(new BackMarketError('unauthorized', 'token refused', { status: 401 }))).catch(() => null)
      else await failCall(ctx, 'POST')
    } else if (roll < 0.5) {
      // A run that fails: perhaps a read-back first, then the call whose failure ends the run.
      const run = await taskOf(t)
      run.task.attempts++
      // The run's claim, as run-sync-task.ts takes it: an outcome is recorded only under it.
      await db.syncTask.update({ where: { id: run.task.id }, data: { status: 'SENT', attempts: run.task.attempts } })
      const ctx = ctxOf(t, run)
      if (r.next() < 0.3) await failCall(ctx, 'GET')
      const err = await failCall(ctx, 'POST')
      if ((await recordFailedRun({ task: run.task, target: issueTarget(t), err, now: now(), random: r.next })) === 'failed') running.delete(t)
    } else if (roll < 0.6) {
      // A read whose failure the run survives (a cancellation's last read-back), then success.
      const run = await taskOf(t)
      await failCall(ctxOf(t, run), 'GET')
      await syncCall(ctxOf(t, run), { method: 'POST', path: '/ws/somewhere' }, async () => 'ok')
      await resolveSyncIssues({ target: issueTarget(t), resolution: 'success', now: now() })
      running.delete(t)
    } else if (roll < 0.72) {
      const run = await taskOf(t)
      await syncCall(ctxOf(t, run), { method: 'POST', path: '/ws/somewhere' }, async () => 'ok')
      await resolveSyncIssues({ target: issueTarget(t), resolution: 'success', now: now() })
      running.delete(t)
    } else if (roll < 0.8) {
      // "Check again" found Back Market already there.
      await resolveSyncIssues({ target: issueTarget(t), resolution: 'read_back', now: now() })
    } else if (roll < 0.92) {
      const active = await db.syncIssue.findMany({ where: { merchantId, status: { in: ['OPEN', 'RETRYING'] } }, select: { id: true } })
      if (active.length > 0) await dismissSyncIssue({ merchantId, issueId: r.pick(active).id, actor: testActor(), reason: 'handled by hand', now: now() })
    } else {
      // The sweeper gives up on a task that never completed.
      const run = await taskOf(t)
      await db.syncTask.update({ where: { id: run.task.id }, data: { status: 'SENT', attempts: run.task.attempts } })
      if (await deadLetterStalledTask({ ...run.task, status: 'SENT' }, internalGaveUp(run.task.attempts), now())) running.delete(t)
    }
  }
}

test('after a random run of real outcomes, the kept summary equals the rebuilt one, field by field', async () => {
  // A new seed each run; HEALTH_TEST_SEED=<n> replays one.
  const seed = Number(process.env.HEALTH_TEST_SEED) || Date.now() % 1_000_000
  const merchants = await Promise.all([createTestMerchant(), createTestMerchant(), createTestMerchant()])
  const start = new Date(Date.now() - 40 * DAY)
  // The merchants' outcomes interleave, as several workers' would.
  await Promise.all(merchants.map((m, i) => randomHistory(m.id, seed + i, start, 60)))

  for (const m of merchants) {
    const kept = await keptHealth(m.id)
    const bannerBefore = await getConnectionHealth({ merchantId: m.id })
    expect(kept.groups.length, `seed ${seed}`).toBeGreaterThan(0)
    await rebuildMerchantHealth([m.id])
    const rebuilt = await keptHealth(m.id)
    expect(kept.summary, `seed ${seed}`).toEqual(rebuilt.summary)
    expect(kept.groups, `seed ${seed}`).toEqual(rebuilt.groups)
    expect(await getConnectionHealth({ merchantId: m.id })).toEqual(bannerBefore)
  }
  // ~200 outcomes through the real write paths take several seconds on a busy machine.
}, 120_000)

test("one merchant's outcomes at the same moment from many workers: the counts stay exact", async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const requests = { acquire: async () => undefined }
  const runs = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => {
      const order = await createTestOrder({ merchantId })
      const stock = i % 3 === 0
      const { task } = await createTestSyncTask({ merchantId, operation: stock ? 'STOCK' : 'ACCEPT', order, sku: stock ? `SKU-C-${i}` : undefined, status: 'SENT' })
      // Each worker's claim (an outcome is recorded only under it).
      await db.syncTask.update({ where: { id: task.id }, data: { attempts: 1 } })
      const target: IssueTarget = { merchantId, operation: task.operation, orderId: task.orderId, sku: task.sku, reference: order.reference }
      return { task: { ...task, attempts: 1 }, target, reference: order.reference }
    }),
  )
  // Every worker fails at once: attempts, then issues (half retrying, half final).
  await Promise.all(
    runs.map(async ({ task, target, reference }, i) => {
      const ctx: SyncCallContext = { merchantId, taskId: task.id, operation: task.operation, reference, sku: task.sku, attempt: 1, requests }
      const err = await syncCall(ctx, { method: 'POST', path: '/ws/x' }, () => Promise.reject(i % 2 ? ANSWERS[0]() : ANSWERS[2]())).catch((e: unknown) => e)
      await recordFailedRun({ task, target, err, now: new Date() })
    }),
  )
  expect((await keptHealth(merchantId)).summary).toMatchObject({ openIssues: 6, retryingIssues: 6, affectedOrders: 8, affectedSkus: 4 })
  // Then resolutions and dismissals land together.
  const issues = await db.syncIssue.findMany({ where: { merchantId, status: { in: ['OPEN', 'RETRYING'] } } })
  await Promise.all(
    runs.map(({ target }, i) =>
      i % 2 === 0
        ? resolveSyncIssues({ target, resolution: 'success' })
        : dismissSyncIssue({ merchantId, issueId: issues.find((x) => x.operation === target.operation && x.orderId === target.orderId && x.sku === target.sku)!.id, actor: testActor(), reason: 'by hand' }),
    ),
  )
  const kept = await keptHealth(merchantId)
  expect(kept.summary).toMatchObject({ openIssues: 0, retryingIssues: 0, affectedOrders: 0, affectedSkus: 0, issuesSince: null, nextRetryAt: null })
  await rebuildMerchantHealth([merchantId])
  expect(kept).toEqual(await keptHealth(merchantId))
})

test('health:rebuild running while outcomes are recorded: no outcome fails, and the summary is still exact', async () => {
  const seed = Number(process.env.HEALTH_TEST_SEED) || Date.now() % 1_000_000
  const merchant = await createTestMerchant()
  let recording = true
  const history = randomHistory(merchant.id, seed, new Date(Date.now() - 20 * DAY), 40).finally(() => {
    recording = false
  })
  let rebuilds = 0
  while (recording) {
    await rebuildMerchantHealth([merchant.id])
    rebuilds++
  }
  await history
  expect(rebuilds).toBeGreaterThan(0)
  const kept = await keptHealth(merchant.id)
  await rebuildMerchantHealth([merchant.id])
  expect(kept, `seed ${seed}`).toEqual(await keptHealth(merchant.id))
}, 120_000)
