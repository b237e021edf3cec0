// Connecting, rotating, disconnecting and changing markets against the sandbox and the real
// database: only a token that passes the test is saved, disconnecting keeps the data and holds
// the sync tasks (they wait, and resume once a token is saved), every change audited, never the token.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { adminActor, auditOf } from '@/test/bm-connection-fixtures'
import { getConnectionHealth } from '../connection-health'
import { enqueueSyncTask } from '../enqueue-sync-task'
import { importMerchantOrders } from '../import-orders'
import { runSyncTask } from '../run-sync-task'
import { runQueuedResume } from '../testing/resume-job'
import { getConnectionStatus } from './connection-status'
import { disconnectBackMarket } from './disconnect'
import { saveConnection } from './save-connection'
import { testConnection } from './test-connection'
import { updateMarkets } from './update-markets'

const { control, newMerchant, merchantWithOrder } = await startBackMarketSandbox()

const merchantRow = (id: string) => db.merchant.findUniqueOrThrow({ where: { id } })

test('a token that fails the test is not saved: the old one stays, nothing is audited', async () => {
  const { merchant, token } = await newMerchant('keep')
  const result = await saveConnection({ merchantId: merchant.id, token: 'wrong-token-9999', markets: ['fr-fr'], actor: adminActor() })
  expect(result.saved).toBe(false)
  expect(result.test.checks[0]).toMatchObject({ name: 'token', status: 'failed', failure: { status: 401 } })
  const row = await merchantRow(merchant.id)
  expect(decryptToken(row.bmTokenEncrypted!, { merchantId: merchant.id })).toBe(token)
  expect(await auditOf(merchant.id, 'backmarket.token_saved')).toHaveLength(0)
})

test('a passing token replaces the old one (rotation), sealed for this merchant, audited by its ending only', async () => {
  const { merchant } = await newMerchant('rotate')
  const fresh = `rotated-${randomUUID()}`
  await control.createAccount(fresh)
  const actor = adminActor()
  const result = await saveConnection({ merchantId: merchant.id, token: fresh, markets: ['de-de', 'fr-fr'], actor })
  expect(result).toMatchObject({ saved: true, test: { ok: true } })

  const row = await merchantRow(merchant.id)
  expect(decryptToken(row.bmTokenEncrypted!, { merchantId: merchant.id })).toBe(fresh)
  expect(() => decryptToken(row.bmTokenEncrypted!, { merchantId: randomUUID() })).toThrow()
  expect(row).toMatchObject({ bmTokenHint: fresh.slice(-4), bmMarkets: ['de-de', 'fr-fr'], bmMarket: 'de-de', bmTokenRefusedAt: null })
  expect(row.bmConnectedAt).toBeInstanceOf(Date)

  const [audit] = await auditOf(merchant.id, 'backmarket.token_saved')
  expect(audit).toMatchObject({ actorKind: 'USER', actorId: actor.id, after: { connected: true, ending: fresh.slice(-4), markets: ['de-de', 'fr-fr'] } })
  expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(fresh)
  expect(await getConnectionStatus({ merchantId: merchant.id })).toMatchObject({ state: 'connected', tokenEnding: fresh.slice(-4), markets: ['de-de', 'fr-fr'] })
})

test('disconnecting keeps the orders, skips the import and holds sync tasks; saving a token resumes them', async () => {
  const { merchant, token, reference } = await merchantWithOrder('disc', ['D-1'])
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'VALIDATED' } })
  await disconnectBackMarket({ merchantId: merchant.id, actor: adminActor() })

  expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(1)
  expect(await merchantRow(merchant.id)).toMatchObject({ bmTokenEncrypted: null, bmTokenHint: null, bmConnectedAt: null })
  const [audit] = await auditOf(merchant.id, 'backmarket.disconnected')
  expect(audit).toMatchObject({ before: { connected: true, ending: null }, after: { connected: false } })
  await expect(disconnectBackMarket({ merchantId: merchant.id, actor: adminActor() })).rejects.toMatchObject({ code: 'conflict' })

  const runsBefore = await db.importRun.count({ where: { merchantId: merchant.id } })
  expect(await importMerchantOrders({ merchantId: merchant.id })).toMatchObject({ skipped: 'disconnected', runId: null })
  expect(await db.importRun.count({ where: { merchantId: merchant.id } })).toBe(runsBefore)

  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('waiting')
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'QUEUED', attempts: 0, nextAttemptAt: null })
  expect((await control.requests(token)).filter((r) => r.method === 'POST')).toHaveLength(0)
  expect(await getConnectionStatus({ merchantId: merchant.id })).toMatchObject({ state: 'not_connected', tokenEnding: null })
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ showBanner: true, connection: { token: 'not_connected' } })

  expect((await saveConnection({ merchantId: merchant.id, token, markets: ['fr-fr'], actor: adminActor() })).saved).toBe(true)
  expect(await runQueuedResume(merchant.id)).toMatchObject({ resumed: 1 })
  expect((await db.syncTask.findUniqueOrThrow({ where: { id: task.id } })).nextAttemptAt).toBeInstanceOf(Date)
  expect(await getConnectionHealth({ merchantId: merchant.id })).toMatchObject({ showBanner: false, connection: { token: 'connected' } })
  expect(await runSyncTask({ taskId: task.id })).toBe('verified')
})

test('changing the markets alone is a settings change with before and after; the same list changes nothing', async () => {
  const { merchant } = await newMerchant('markets')
  expect(await updateMarkets({ merchantId: merchant.id, markets: ['en-gb', 'en-ie'], actor: adminActor() })).toEqual({ changed: true, markets: ['en-gb', 'en-ie'] })
  expect(await merchantRow(merchant.id)).toMatchObject({ bmMarkets: ['en-gb', 'en-ie'], bmMarket: 'en-gb' })
  expect(await updateMarkets({ merchantId: merchant.id, markets: ['en-gb', 'en-ie'], actor: adminActor() })).toMatchObject({ changed: false })
  const rows = await auditOf(merchant.id, 'merchant.settings_updated')
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ before: { markets: ['fr-fr'] }, after: { markets: ['en-gb', 'en-ie'] } })
})

test('testing the saved token, and asking to test when none is saved', async () => {
  const { merchant } = await newMerchant('saved')
  expect((await testConnection({ merchantId: merchant.id })).ok).toBe(true)
  await disconnectBackMarket({ merchantId: merchant.id, actor: adminActor() })
  await expect(testConnection({ merchantId: merchant.id })).rejects.toMatchObject({ code: 'bad_request', fields: { token: [expect.any(String)] } })
})
