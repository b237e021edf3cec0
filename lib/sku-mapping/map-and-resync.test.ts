// The whole fix against the real sandbox: Back Market renames a SKU, our accept gets a 404 and an
// issue; the mismatch suggests the mapping; saving it re-syncs the order, which is accepted with
// Back Market's SKU, and only then does the issue resolve.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { enqueueSyncTask } from '@/lib/sync/enqueue-sync-task'
import { getSkuMismatch } from '@/lib/sync/get-sku-mismatch'
import { runSyncTask } from '@/lib/sync/run-sync-task'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createTestUser } from '@/test/factories'
import { saveSkuMapping } from './save-sku-mapping'
import { testActor } from '@/test/audit-fixtures'

const { control, merchantWithOrder } = await startBackMarketSandbox()

test('a SKU renamed on Back Market: mapping our SKU to the suggested one re-syncs the order and resolves the issue', async () => {
  const { token, merchant, reference } = await merchantWithOrder('map', ['MAP-OLD'])
  const { user } = await createTestUser({ merchantId: merchant.id })
  const order = await db.order.update({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, data: { status: 'VALIDATED' } })
  await control.renameSku(reference, token, 'MAP-OLD', 'MAP-NEW')

  const { task } = await enqueueSyncTask({ merchantId: merchant.id, operation: 'ACCEPT', orderId: order.id, origin: 'flow' })
  expect(await runSyncTask({ taskId: task.id })).toBe('failed')
  const issue = await db.syncIssue.findFirstOrThrow({ where: { merchantId: merchant.id, status: 'OPEN' } })
  expect(issue.kind).toBe('NOT_FOUND')

  const { suggestion } = await getSkuMismatch({ merchantId: merchant.id, issueId: issue.id })
  expect(suggestion).toMatchObject({ ourSku: 'MAP-OLD', bmSku: 'MAP-NEW' })
  const { syncs } = await saveSkuMapping({ merchantId: merchant.id, actor: testActor(user), ourSku: suggestion!.ourSku, bmSku: suggestion!.bmSku, confirm: false })
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
