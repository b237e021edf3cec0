// Re-syncs and dismissals through the routes people and tools call: one audit row per change,
// naming who (the signed-in person, a staff user acting, or the merchant's API key), in the same
// transaction as the task or the closed issue. Joining a pending re-sync changes nothing: no row.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { POST as resync } from '@/app/api/orders/[reference]/sync/route'
import { POST as dismissOne } from '@/app/api/sync-issues/[id]/dismiss/route'
import { POST as bulkResync } from '@/app/api/syncs/route'
import { POST as resyncV1 } from '@/app/api/v1/orders/[reference]/sync/route'
import { db } from '@/lib/db'
import { callV1, createTestMerchantKey } from '@/test/api-v1'
import { auditRows } from '@/test/audit-fixtures'
import { createSignedInMerchant, createSignedInStaff, createTestOrder, routeParams, testRequest } from '@/test/factories'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { createTestSyncIssue, uniqueSku } from '@/lib/sync/testing/sync-factories'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

test('a re-sync from the dashboard is audited once with its task; a second click joins it and records nothing', async () => {
  const { merchant, user, cookie } = await createSignedInMerchant({ role: 'OPERATOR' })
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const call = () => resync(testRequest(`/api/orders/${order.reference}/sync`, { cookie, method: 'POST' }), routeParams({ reference: order.reference }))

  const first = (await (await call()).json()) as { sync: { id: string }; created: boolean }
  expect((await (await call()).json()) as { created: boolean }).toMatchObject({ created: false })

  const task = await db.syncTask.findUniqueOrThrow({ where: { id: first.sync.id } })
  expect(task.requestedById).toBe(user.id)
  expect(await auditRows(merchant.id)).toMatchObject([
    { action: 'order.resync_requested', actorKind: 'USER', actorId: user.id, orderReference: order.reference, subjectType: 'sync_task', subjectId: task.id, after: { operation: task.operation, origin: 'resync' } },
  ])
})

test('a re-sync through /api/v1 names the API key, not a person', async () => {
  const key = await createTestMerchantKey({ name: 'ERP' })
  const order = await createTestOrder({ merchantId: key.merchantId, status: 'VALIDATED' })
  const answer = await callV1(resyncV1, `/orders/${order.reference}/sync`, { key: key.secret, method: 'POST', params: { reference: order.reference } })
  expect(answer.status).toBe(202)

  const [row] = await auditRows(key.merchantId, 'order.resync_requested')
  expect(row).toMatchObject({ actorKind: 'API_KEY', actorId: key.id, actorName: `${key.prefix}… (ERP)`, orderReference: order.reference, after: { origin: 'api' } })
  expect((await db.syncTask.findFirstOrThrow({ where: { orderId: order.id } })).requestedById).toBeNull()
})

test('a bulk re-sync of issues audits each task it creates: orders by reference, stock by SKU', async () => {
  const { merchant, user, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const sku = uniqueSku()
  const issues = [await createTestSyncIssue({ merchantId: merchant.id, order }), await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku })]
  const res = await bulkResync(testRequest('/api/syncs', { cookie, method: 'POST', body: { issueIds: issues.map((i) => i.id) } }))
  expect(res.status).toBe(202)

  const rows = await auditRows(merchant.id, 'order.resync_requested')
  expect(rows.map((r) => [r.actorId, r.orderReference, (r.after as { operation: string; sku?: string }).operation, (r.after as { sku?: string }).sku ?? null])).toHaveLength(2)
  // The issues are taken in no particular order.
  expect(rows.map((r) => [r.actorId, r.orderReference, (r.after as { operation: string }).operation, (r.after as { sku?: string }).sku ?? null])).toEqual(
    expect.arrayContaining([
      [user.id, order.reference, 'ACCEPT', null],
      [user.id, null, 'STOCK', sku],
    ]),
  )
})

test('a dismissal is audited with its reason; by staff acting, the row names the staff user; read-only staff cannot', async () => {
  const { merchant } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order })
  const readOnly = await createSignedInStaff({ open: merchant.id })
  const acting = await createSignedInStaff({ open: merchant.id, acting: true })
  const dismiss = (cookie: string) =>
    dismissOne(testRequest(`/api/sync-issues/${issue.id}/dismiss`, { cookie, method: 'POST', body: { reason: 'accepted by hand' } }), routeParams({ id: issue.id }))

  expect((await dismiss(readOnly.cookie)).status).toBe(403)
  expect((await dismiss(acting.cookie)).status).toBe(200)
  // Already dismissed: refused, and no second row.
  expect((await dismiss(acting.cookie)).status).toBe(409)

  expect(await auditRows(merchant.id)).toMatchObject([
    {
      action: 'sync_issue.dismissed',
      actorKind: 'STAFF',
      actorId: acting.user.id,
      orderReference: order.reference,
      subjectType: 'sync_issue',
      subjectId: issue.id,
      after: { reason: 'accepted by hand', operation: 'ACCEPT' },
    },
  ])
  expect((await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).dismissedById).toBe(acting.user.id)
})
