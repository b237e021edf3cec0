// Work Back Market refused with the token is not lost once a working token is saved: a 401 holds
// the task (it runs after the save), work that ended FAILED on the token is re-sent as re-syncs,
// and a hold that crosses the save, or a task joined after it, is let go instead of held forever.
import { randomUUID } from 'node:crypto'
import { afterAll, expect, test } from 'vitest'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { createTestOrder } from '@/test/factories'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { adminActor, auditOf } from '@/test/bm-connection-fixtures'
import { getConnectionHealth } from '../connection-health'
import { enqueueSyncTask } from '../enqueue-sync-task'
import { stopQueue } from '../queue'
import { runSyncTask } from '../run-sync-task'
import { runQueuedResume } from '../testing/resume-job'
import { holdTaskForConnection } from './hold-task'
import { saveConnection } from './save-connection'
import { testClient } from './test-connection'

const { control, newMerchant, merchantWithOrder } = await startBackMarketSandbox()
afterAll(() => stopQueue())

const taskRow = (id: string) => db.syncTask.findUniqueOrThrow({ where: { id } })
const jobsOf = async (taskId: string) =>
  (await db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = 'sync-task' AND singleton_key = ${taskId}`).map((r) => r.state)
const acceptWrites = async (token: string, reference: string) =>
  (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`)

/** A seller with a validated order whose saved token Back Market no longer knows (revoked). */
async function revokedMerchantWithOrder(prefix: string) {
  const { token, merchant, reference } = await merchantWithOrder(prefix, ['W-1'])
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'VALIDATED' } })
  await db.merchant.update({ where: { id: merchant.id }, data: { bmTokenEncrypted: encryptToken(`revoked-${randomUUID()}`, { merchantId: merchant.id }) } })
  return { token, merchant, order, reference }
}

test('revoked → the task waits → a working token saved → the work reaches Back Market, the banner clears', async () => {
  const { token, merchant, order, reference } = await revokedMerchantWithOrder('revoke')
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('waiting')
  expect(await taskRow(task.id)).toMatchObject({ status: 'QUEUED', attempts: 0, nextAttemptAt: null })
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ showBanner: true, connection: { token: 'token_refused' } })

  const actor = adminActor()
  expect(await saveConnection({ merchantId: merchant.id, token, markets: ['fr-fr'], actor })).toMatchObject({ saved: true })
  expect(await runQueuedResume(merchant.id)).toMatchObject({ resumed: 1, resent: 0, job: { actor: { id: actor.id } } })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')

  expect(await acceptWrites(token, reference)).toHaveLength(1)
  expect(await taskRow(task.id)).toMatchObject({ status: 'VERIFIED', attempts: 1 })
  expect(await db.syncIssue.count({ where: { merchantId: merchant.id, status: { not: 'RESOLVED' } } })).toBe(0)
  expect(await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).toMatchObject({ bmTokenRefusedAt: null, connectionDegradedAt: null })
  // The week's 401 stays in the banner's history only: recovered, no token alert, nothing active.
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ state: 'recovered', connection: { token: 'connected', refusal: null } })
})

test('work that ended FAILED on the token (a CREDENTIALS issue) is re-sent after the save, as the admin’s re-sync, and its issue resolves', async () => {
  const { token, merchant, order, reference } = await revokedMerchantWithOrder('legacy')
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // A client of its own: the engine records the 401 as the task's failure (the rows such tasks left).
  const refused = testClient({ merchantId: merchant.id, token: `revoked-${randomUUID()}`, market: 'fr-fr' })
  expect(await runSyncTask({ taskId: task.id, client: refused })).toBe('failed')
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(issue).toMatchObject({ kind: 'CREDENTIALS', status: 'OPEN' })

  const actor = adminActor()
  expect(await saveConnection({ merchantId: merchant.id, token, markets: ['fr-fr'], actor })).toMatchObject({ saved: true })
  expect(await runQueuedResume(merchant.id)).toMatchObject({ resumed: 0, resent: 1 })
  const resync = await db.syncTask.findFirstOrThrow({ where: { merchantId: merchant.id, id: { not: task.id } } })
  expect(resync).toMatchObject({ origin: 'issue', operation: 'ACCEPT', requestedById: actor.id })
  expect(await auditOf(merchant.id, 'order.resync_requested')).toMatchObject([{ actorId: actor.id, orderReference: reference }])
  expect(await runSyncTask({ taskId: resync.id })).toBe('verified')

  expect(await acceptWrites(token, reference)).toHaveLength(1)
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'RESOLVED' })
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ state: 'recovered', connection: { token: 'connected' } })
})

test('a hold that lands after a token was saved lets the task go at once (no task held forever on a connected merchant)', async () => {
  const { merchant } = await newMerchant('race')
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  // What the run read before the admin saved the token (and before the resume scanned): none.
  const seen = { id: merchant.id, bmTokenEncrypted: null, bmMarket: 'fr-fr', bmTokenRefusedAt: null }
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'sync-task' AND singleton_key = ${task.id}`

  expect(await holdTaskForConnection(task, seen)).toBe(true)
  expect((await taskRow(task.id)).nextAttemptAt).toBeInstanceOf(Date)
  expect(await jobsOf(task.id)).toEqual(['created'])
})

test('a new request joining a held task of a connected merchant sends it', async () => {
  const { merchant } = await newMerchant('join')
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  await db.syncTask.update({ where: { id: task.id }, data: { nextAttemptAt: null } })
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'sync-task' AND singleton_key = ${task.id}`

  const joined = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'resync' })
  expect(joined).toMatchObject({ created: false, task: { id: task.id } })
  expect((await taskRow(task.id)).nextAttemptAt).toBeInstanceOf(Date)
  expect(await jobsOf(task.id)).toEqual(['created'])
})
