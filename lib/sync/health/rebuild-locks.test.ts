// The rebuild beside live outcomes: it holds one merchant's summary row at a time (never a batch of
// them), and an outcome that waits on a summary row longer than Prisma's default 5 s transaction
// timeout still records.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db, pgPool } from '@/lib/db'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { stopQueue } from '../queue'
import { syncCall } from '../sync-call'
import { createTestSyncTask } from '../testing/sync-factories'
import { LOCK_MERCHANT_HEALTH } from './keep-health-sql'
import { rebuildMerchantHealth } from './rebuild-health'

afterAll(() => stopQueue())

/** Another session holding the merchant's summary row, as a long transaction of its own would. */
async function holdSummaryRow(merchantId: string) {
  const client = await pgPool().connect()
  await client.query('BEGIN')
  await client.query(LOCK_MERCHANT_HEALTH, [merchantId])
  return async () => {
    await client.query('COMMIT')
    client.release()
  }
}

/** Until some session of this database waits on a row lock of MerchantHealth. */
async function someoneWaitsOnSummary(): Promise<void> {
  for (;;) {
    const { rows } = await pgPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"MerchantHealth"%'`,
    )
    if (rows[0]!.n > 0) return
    await sleep(50)
  }
}

/** Whether the row can be locked at once (55P03 when another transaction holds it). */
async function lockableNow(merchantId: string): Promise<boolean> {
  const client = await pgPool().connect()
  try {
    await client.query('BEGIN')
    await client.query(`SELECT 1 FROM "MerchantHealth" WHERE "merchantId" = $1::uuid FOR UPDATE NOWAIT`, [merchantId])
    return true
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return false
    throw err
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

test("a rebuild of several merchants waiting on one merchant's row holds no other merchant's row", async () => {
  const [first, second] = [(await createTestMerchant()).id, (await createTestMerchant()).id].sort()
  await rebuildMerchantHealth([first!, second!])
  const release = await holdSummaryRow(second!)
  const rebuild = rebuildMerchantHealth([first!, second!])
  try {
    await someoneWaitsOnSummary()
    // The rebuild is stuck on the second merchant: the first one's outcomes must not wait with it.
    expect(await lockableNow(first!)).toBe(true)
  } finally {
    await release()
    await rebuild
  }
})

test('a failed call waiting more than 5 s on its merchant\'s summary row is still recorded', { timeout: 60_000 }, async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id })
  const { task } = await createTestSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', order, status: 'SENT' })
  const release = await holdSummaryRow(merchant.id)
  const failure = new BackMarketError('server', 'Back Market is unavailable', { status: 503 })
  const call = syncCall(
    { merchantId: merchant.id, taskId: task.id, operation: 'ACCEPT', reference: order.reference, sku: null, attempt: 1, requests: { acquire: async () => undefined } },
    { method: 'POST', path: `/ws/orders/${randomUUID()}` },
    () => Promise.reject(failure),
  ).catch((err: unknown) => err)
  try {
    await someoneWaitsOnSummary()
    // Longer than Prisma's default interactive transaction timeout (5 s).
    await sleep(6_000)
  } finally {
    await release()
  }
  expect(await call).toBe(failure)
  expect(await db.syncAttempt.count({ where: { taskId: task.id, outcome: 'TRANSIENT_FAILURE' } })).toBe(1)
  expect(await db.syncFailureGroup.findMany({ where: { merchantId: merchant.id }, select: { count: true, lastTaskId: true } })).toEqual([{ count: 1, lastTaskId: task.id }])
})
