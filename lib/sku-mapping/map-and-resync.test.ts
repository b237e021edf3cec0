// The whole fix against the real sandbox: Back Market renames a SKU, our accept gets a 404 and an
// issue; the mismatch suggests the mapping; saving it re-syncs the order, which is accepted with
// Back Market's SKU, and only then does the issue resolve.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { enqueueSyncTask } from '@/lib/sync/enqueue-sync-task'
import { getSkuMismatch } from '@/lib/sync/get-sku-mismatch'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { runSyncTask } from '@/lib/sync/run-sync-task'
import { startSandbox } from '@/sandbox/backmarket/server'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import { createTestMerchant, createTestUser } from '@/test/factories'
import { saveSkuMapping } from './save-sku-mapping'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let control: SandboxControl
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  control = new SandboxControl(sandbox.url)
  process.env.BACKMARKET_API_URL = sandbox.url
})
afterAll(async () => sandbox.close())

test('a SKU renamed on Back Market: mapping our SKU to the suggested one re-syncs the order and resolves the issue', async () => {
  const token = `map-${randomUUID()}`
  await control.createAccount(token)
  const merchant = await createTestMerchant({ bmToken: token })
  const { user } = await createTestUser({ merchantId: merchant.id })
  const bm = await control.createOrder({ token, lines: [{ sku: 'MAP-OLD' }] })
  await importMerchantOrders({ merchantId: merchant.id })
  const reference = String(bm.order_id)
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'VALIDATED' } })
  await control.renameSku(reference, token, 'MAP-OLD', 'MAP-NEW')

  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('failed')
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id, status: 'OPEN' } })
  expect(issue.kind).toBe('NOT_FOUND')

  const { suggestion } = await getSkuMismatch({ merchantId: merchant.id, issueId: issue.id })
  expect(suggestion).toMatchObject({ ourSku: 'MAP-OLD', bmSku: 'MAP-NEW' })
  const { syncs } = await saveSkuMapping({ merchantId: merchant.id, userId: user.id, ourSku: suggestion!.ourSku, bmSku: suggestion!.bmSku, confirm: false })
  expect(syncs).toEqual([expect.objectContaining({ reference, error: null, created: true })])
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'OPEN' })

  // What a worker does with the queued re-sync.
  expect(await runSyncTask({ taskId: syncs[0]!.syncId! })).toBe('verified')
  const accepts = (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`)
  expect(accepts.map((r) => [(r.body as { sku?: string }).sku, r.status])).toEqual([
    ['MAP-OLD', 404],
    ['MAP-NEW', 200],
  ])
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'RESOLVED', resolution: 'success' })
})
