// Back Market refusing the saved token on an import or a sync call: marked once (audited by the
// worker, the connection degraded), the banner's cause; sync tasks wait meanwhile; the next call
// Back Market accepts clears it, and the held tasks resume.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { createTestEndpoint } from '@/lib/webhooks/testing/webhook-factories'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { auditOf } from '@/test/bm-connection-fixtures'
import { getConnectionHealth } from '../connection-health'
import { enqueueSyncTask } from '../enqueue-sync-task'
import { importMerchantOrders } from '../import-orders'
import { runSyncTask } from '../run-sync-task'
import { runQueuedResume } from '../testing/resume-job'
import { getConnectionStatus } from './connection-status'

const { control, merchantWithOrder } = await startBackMarketSandbox()

/** A merchant whose saved token Back Market does not know (yet), subscribed to the connection webhooks. */
async function refusedMerchant() {
  const token = `unknown-${randomUUID()}`
  const merchant = await createTestMerchant({ bmToken: token })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['connection.degraded', 'connection.recovered'] })
  return { merchant, token }
}

const webhookTypes = async (merchantId: string) => (await db.webhookMessage.findMany({ where: { merchantId }, orderBy: { createdAt: 'asc' } })).map((m) => m.eventType)

test('an import refused (401) marks the token refused once, audited by the worker; the banner says it; an accepted import clears it', async () => {
  const { merchant, token } = await refusedMerchant()
  await expect(importMerchantOrders({ merchantId: merchant.id })).rejects.toMatchObject({ kind: 'unauthorized' })
  await expect(importMerchantOrders({ merchantId: merchant.id })).rejects.toMatchObject({ kind: 'unauthorized' })

  const row = await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })
  expect(row.bmTokenRefusedAt).toBeInstanceOf(Date)
  expect(row.bmTokenRefusal).toMatchObject({ status: 401, kind: 'unauthorized', operation: 'GET /ws/orders' })
  const audits = await auditOf(merchant.id, 'backmarket.token_refused')
  expect(audits).toHaveLength(1)
  expect(audits[0]).toMatchObject({ actorKind: 'WORKER', actorId: 'import-orders', after: { status: 401 } })
  expect(JSON.stringify(audits[0]!.after)).not.toContain(token)

  const health = await getConnectionHealth({ merchantId: merchant.id })
  expect(health).toMatchObject({ showBanner: true, connection: { token: 'token_refused', refusal: { status: 401 } } })
  expect(await getConnectionStatus({ merchantId: merchant.id })).toMatchObject({ state: 'token_refused', refusal: { status: 401 }, imports: { lastRun: { status: 'FAILED' }, lastError: { code: 'unauthorized', status: 401 } } })
  expect(row.connectionDegradedAt).toBeInstanceOf(Date)
  expect(await webhookTypes(merchant.id)).toEqual(['connection.degraded'])

  // Back Market accepts the token again (the seller fixed it on their side).
  await control.createAccount(token)
  expect(await importMerchantOrders({ merchantId: merchant.id })).toMatchObject({ failures: 0 })
  expect(await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).toMatchObject({ bmTokenRefusedAt: null, bmTokenRefusal: null, connectionDegradedAt: null })
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ showBanner: false, connection: { token: 'connected', refusal: null } })
  expect(await webhookTypes(merchant.id)).toEqual(['connection.degraded', 'connection.recovered'])
  expect(await auditOf(merchant.id, 'backmarket.token_refused')).toHaveLength(1)
})

test('a sync call refused (401) marks the token and waits, its attempt given back, no issue; later tasks wait too; all resume when an import is accepted', async () => {
  const { merchant, reference } = await merchantWithOrder('refsync', ['R-1'])
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'VALIDATED' } })
  // The seller's token is revoked on Back Market: its account answers 401 from now on.
  const revoked = `revoked-${randomUUID()}`
  await db.merchant.update({ where: { id: merchant.id }, data: { bmTokenEncrypted: encryptToken(revoked, { merchantId: merchant.id }) } })
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('waiting')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'QUEUED', attempts: 0, nextAttemptAt: null })
  expect(await db.syncIssue.count({ where: { merchantId: merchant.id } })).toBe(0)
  expect(await auditOf(merchant.id, 'backmarket.token_refused')).toMatchObject([{ actorId: 'sync-task', after: { status: 401, operation: 'ACCEPT' } }])

  const other = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const { task: held } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: other.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: held.id })).toBe('waiting')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: 'QUEUED', attempts: 0, nextAttemptAt: null })

  await control.createAccount(revoked)
  await importMerchantOrders({ merchantId: merchant.id })
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).bmTokenRefusedAt).toBeNull()
  expect(await runQueuedResume(merchant.id)).toMatchObject({ resumed: 2, job: { actor: { kind: 'WORKER', id: 'import-orders' } } })
  for (const t of [task, held]) expect((await db.syncTask.findUniqueOrThrow({ where: { id: t.id } })).nextAttemptAt).toBeInstanceOf(Date)
  expect(await runSyncTask({ taskId: held.id })).not.toBe('waiting')
  expect(await runSyncTask({ taskId: task.id })).not.toBe('waiting')
})
