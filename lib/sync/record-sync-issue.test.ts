// Failures and dismissals of one issue, racing on the real database.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { dismissSyncIssue } from './dismiss-sync-issue'
import { recordSyncFailure, type IssueTarget } from './record-sync-issue'
import { syncGroupKey } from './sync-keys'
import { testActor } from '@/test/audit-fixtures'

/** Waits until `n` sessions queue behind the row lock held by `tx` (directly or behind each other). */
async function lockWaiters(tx: Prisma.TransactionClient, n: number) {
  const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(10)) {
    const [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity a
       WHERE ${pid}::int = ANY(pg_blocking_pids(a.pid))
          OR EXISTS (SELECT 1 FROM pg_stat_activity b WHERE ${pid}::int = ANY(pg_blocking_pids(b.pid)) AND b.pid = ANY(pg_blocking_pids(a.pid)))`
    if (waiting >= n) return
  }
  throw new Error(`fewer than ${n} sessions ever waited for the lock`)
}

test('a dismiss landing between a failure’s read and its write: the dismissed issue stays dismissed, and the failure opens a new issue that holds the group', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order, status: 'RETRYING', kind: 'CONNECTION' })
  const target: IssueTarget = { merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, reference: order.reference }

  // Hold the issue's row so that both callers are in flight at once: the merchant's dismiss
  // first, then a worker's failure (which has read the issue as active by then).
  let dismissed: Promise<unknown> = Promise.resolve()
  let failed: Promise<unknown> = Promise.resolve()
  await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "SyncIssue" WHERE id = ${issue.id}::uuid FOR UPDATE`
      dismissed = dismissSyncIssue({ merchantId: merchant.id, issueId: issue.id, actor: testActor(), reason: 'accepted by hand' })
      await lockWaiters(tx, 1)
      failed = recordSyncFailure({ target, kind: 'CONNECTION', message: 'Back Market could not be reached', nextRetryAt: null, taskId: randomUUID() })
      await lockWaiters(tx, 2)
    },
    { timeout: 15_000 },
  )
  await Promise.all([dismissed, failed])

  const issues = await db.syncIssue.findMany({ where: { merchantId: merchant.id } })
  expect(issues.find((i) => i.id === issue.id)).toMatchObject({ status: 'DISMISSED', groupKey: null, dismissReason: 'accepted by hand' })
  const active = issues.filter((i) => i.status === 'OPEN' || i.status === 'RETRYING')
  expect(active).toHaveLength(1)
  expect(active[0]).toMatchObject({ status: 'OPEN', groupKey: syncGroupKey(target), occurrences: 1 })
})

test('concurrent failures of one group make one issue counting them all', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id })
  const target: IssueTarget = { merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, reference: order.reference }
  const fail = () => recordSyncFailure({ target, kind: 'CONNECTION', message: 'down', nextRetryAt: new Date(Date.now() + 60_000), taskId: randomUUID() })
  await Promise.all(Array.from({ length: 8 }, fail))
  const issues = await db.syncIssue.findMany({ where: { merchantId: merchant.id } })
  expect(issues).toHaveLength(1)
  expect(issues[0]).toMatchObject({ status: 'RETRYING', occurrences: 8, groupKey: syncGroupKey(target) })
})
