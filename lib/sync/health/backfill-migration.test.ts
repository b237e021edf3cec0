// The backfill migration (prisma/migrations/*_health_backfill, applied once and frozen) fills an
// existing database's banner summary as the rebuild of today computes it. Its SQL runs on copies
// of the fixture merchants' records in temporary tables (they come first in the search path), so
// the test's other merchants are never touched; then the rebuild runs on the real tables.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { afterAll, expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db, pgPool } from '@/lib/db'
import { testActor } from '@/test/audit-fixtures'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { dismissSyncIssue } from '../dismiss-sync-issue'
import { recordFailedRun } from '../fail-sync-task'
import { stopQueue } from '../queue'
import { resolveSyncIssues, type IssueTarget } from '../record-sync-issue'
import { syncCall } from '../sync-call'
import { createTestSyncTask } from '../testing/sync-factories'
import { rebuildMerchantHealth } from './rebuild-health'

afterAll(() => stopQueue())

const DAY = 24 * 3_600_000

function migrationSql(): string {
  const dir = path.join(process.cwd(), 'prisma/migrations')
  const folder = readdirSync(dir).find((name) => name.endsWith('_health_backfill'))
  if (!folder) throw new Error('no *_health_backfill migration')
  return readFileSync(path.join(dir, folder, 'migration.sql'), 'utf8')
}

/** A merchant with a history: streaks (one restarted after a 7-day gap), issues open, resolved and dismissed. */
async function merchantWithHistory(dismissAccept: boolean): Promise<string> {
  const merchantId = (await createTestMerchant()).id
  const order = await createTestOrder({ merchantId })
  const accept = (await createTestSyncTask({ merchantId, operation: 'ACCEPT', order, status: 'SENT' })).task
  const stock = (await createTestSyncTask({ merchantId, operation: 'STOCK', sku: 'SKU-BACKFILL-1', status: 'SENT' })).task
  const start = Date.now() - 30 * DAY
  const fail = async (task: typeof accept, target: IssueTarget, at: Date, err: BackMarketError) => {
    const ctx = { merchantId, taskId: task.id, operation: task.operation, reference: target.reference ?? null, sku: task.sku, attempt: 1, requests: { acquire: async () => undefined }, now: () => at }
    await syncCall(ctx, { method: 'POST', path: '/ws/x' }, () => Promise.reject(err)).catch(() => null)
    // The run's claim, under which its outcome is recorded.
    await db.syncTask.update({ where: { id: task.id }, data: { status: 'SENT', attempts: 1 } })
    await recordFailedRun({ task: { ...task, attempts: 1 }, target, err, now: at, random: () => 0.5 })
  }
  const acceptTarget: IssueTarget = { merchantId, operation: 'ACCEPT', orderId: order.id, reference: order.reference }
  const stockTarget: IssueTarget = { merchantId, operation: 'STOCK', sku: 'SKU-BACKFILL-1' }
  const unavailable = () => new BackMarketError('server', 'Back Market is unavailable', { status: 503 })
  await fail(accept, acceptTarget, new Date(start), unavailable())
  await fail(accept, acceptTarget, new Date(start + 10 * DAY), unavailable())
  await fail(accept, acceptTarget, new Date(start + 10 * DAY + 3_600_000), unavailable())
  await fail(stock, stockTarget, new Date(start + 12 * DAY), new BackMarketError('not_found', 'listing not found', { status: 404 }))
  await resolveSyncIssues({ target: stockTarget, resolution: 'success', now: new Date(start + 13 * DAY) })
  if (dismissAccept) {
    const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId, operation: 'ACCEPT', status: { in: ['OPEN', 'RETRYING'] } } })
    await dismissSyncIssue({ merchantId, issueId: issue.id, actor: testActor(), reason: 'handled by hand', now: new Date(start + 14 * DAY) })
  }
  return merchantId
}

const TABLES = ['Merchant', 'SyncTask', 'SyncAttempt', 'SyncIssue', 'MerchantHealth', 'SyncFailureGroup'] as const

/** The summary and groups of these merchants, in `schema`, without row ids, versions and clocks. */
async function summaries(client: pg.PoolClient, schema: string, ids: string[]) {
  const health = await client.query(
    `SELECT "merchantId", "parcelFailedAt", "stockFailedAt", "openIssues", "retryingIssues", "affectedOrders", "affectedSkus", "issuesSince", "nextRetryAt", "lastResolvedAt"
       FROM ${schema}."MerchantHealth" WHERE "merchantId" = ANY($1::uuid[]) ORDER BY "merchantId"`,
    [ids],
  )
  const groups = await client.query(
    `SELECT "merchantId", "groupKey", operation, reference, sku, "httpStatus", "errorKind", message, count, "firstAt", "lastAt", "lastAttemptId", "lastTaskId", "issueId"
       FROM ${schema}."SyncFailureGroup" WHERE "merchantId" = ANY($1::uuid[]) ORDER BY "merchantId", "groupKey"`,
    [ids],
  )
  return { health: health.rows, groups: groups.rows }
}

test('the backfill migration computes what the rebuild computes, on a database with a sync history', { timeout: 120_000 }, async () => {
  const ids = [await merchantWithHistory(false), await merchantWithHistory(true), (await createTestMerchant()).id]
  const client = await pgPool().connect()
  try {
    await client.query('BEGIN')
    // An existing database before the backfill: the records, and no summary yet.
    for (const table of TABLES) await client.query(`CREATE TEMP TABLE "${table}" (LIKE public."${table}" INCLUDING ALL) ON COMMIT DROP`)
    await client.query(`INSERT INTO pg_temp."Merchant" SELECT * FROM public."Merchant" WHERE id = ANY($1::uuid[])`, [ids])
    for (const table of ['SyncTask', 'SyncAttempt', 'SyncIssue']) {
      await client.query(`INSERT INTO pg_temp."${table}" SELECT * FROM public."${table}" WHERE "merchantId" = ANY($1::uuid[])`, [ids])
    }
    await client.query(migrationSql())
    const backfilled = await summaries(client, 'pg_temp', ids)
    await client.query('ROLLBACK')

    await rebuildMerchantHealth(ids)
    const rebuilt = await summaries(client, 'public', ids)
    expect(rebuilt.groups.filter((g: { issueId: string | null }) => g.issueId).length).toBeGreaterThan(0)
    expect(rebuilt.groups.length).toBe(4)
    expect(backfilled).toEqual(rebuilt)
  } finally {
    client.release()
  }
})
