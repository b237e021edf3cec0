import { expect, test } from 'vitest'
import { POST } from '@/app/api/v1/orders/[reference]/sync/route'
import { GET as followTask } from '@/app/api/v1/sync-tasks/[id]/route'
import { resyncOrderOperation } from '@/lib/api-v1/operations/orders'
import type { SyncTaskV1 } from '@/lib/api-v1/schemas/sync-task'
import { db } from '@/lib/db'
import { callV1, createTestMerchantKey } from '@/test/api-v1'
import { createTestMerchant, createTestOrder } from '@/test/factories'

type Answer = { sync: SyncTaskV1; created: boolean }
const resync = (key: string, reference: string, headers: Record<string, string> = {}) =>
  callV1<Answer>(POST, `/orders/${reference}/sync`, { key, method: 'POST', params: { reference }, headers })

test('queues the sync the order needs: 202, the task, and where to follow it', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read', 'sync:write'] })
  const order = await createTestOrder({ merchantId: key.merchantId, status: 'VALIDATED' })
  const res = await resync(key.secret, order.reference)
  expect(res.status).toBe(202)
  expect(resyncOrderOperation.responses[202].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body).toMatchObject({ created: true, sync: { operation: 'ACCEPT', flow: 'parcel_update', reference: order.reference, status: 'queued' } })
  const location = res.headers.get('location')
  expect(location).toBe(`/api/v1/sync-tasks/${res.body.sync.id}`)
  // Recorded as asked by the merchant's own tool.
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: res.body.sync.id } })).toMatchObject({ origin: 'api', orderId: order.id })

  const followed = await callV1<{ sync: SyncTaskV1 }>(followTask, location!.replace('/api/v1', ''), { key: key.secret, params: { id: res.body.sync.id } })
  expect(followed).toMatchObject({ status: 200, body: { sync: { id: res.body.sync.id, status: 'queued', done: false } } })
})

test('a key given sync:write only can follow the sync it starts: sync:write includes sync:read', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:write'] })
  const order = await createTestOrder({ merchantId: key.merchantId, status: 'VALIDATED' })
  const res = await resync(key.secret, order.reference)
  expect(res.status).toBe(202)
  const followed = await callV1<{ sync: SyncTaskV1 }>(followTask, res.headers.get('location')!.replace('/api/v1', ''), { key: key.secret, params: { id: res.body.sync.id } })
  expect(followed).toMatchObject({ status: 200, body: { sync: { id: res.body.sync.id } } })
})

test('the same Idempotency-Key twice answers the first answer again, and one task exists', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:write'] })
  const order = await createTestOrder({ merchantId: key.merchantId, status: 'VALIDATED' })
  const first = await resync(key.secret, order.reference, { 'idempotency-key': 'resync-1' })
  const again = await resync(key.secret, order.reference, { 'idempotency-key': 'resync-1' })
  expect(first.status).toBe(202)
  expect(again.status).toBe(202)
  // The replay, not a second run (which would say created: false, joining the pending task).
  expect(again.body).toEqual(first.body)
  expect(again.headers.get('location')).toBe(first.headers.get('location'))
  expect(await db.syncTask.count({ where: { orderId: order.id } })).toBe(1)
  // Without the header a second request joins the pending task: still one task.
  expect((await resync(key.secret, order.reference)).body).toMatchObject({ created: false, sync: { id: first.body.sync.id } })
  expect(await db.syncTask.count({ where: { orderId: order.id } })).toBe(1)
})

test('nothing to send is a 409 saying why; another merchant\'s order a 404', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:write'] })
  const created = await createTestOrder({ merchantId: key.merchantId, status: 'CREATED' })
  const refused = await resync(key.secret, created.reference)
  expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { refusal: { code: 'not_validated' } } } } })

  const other = await createTestMerchant()
  const theirs = await createTestOrder({ merchantId: other.id, status: 'VALIDATED' })
  expect((await resync(key.secret, theirs.reference)).status).toBe(404)
  expect(await db.syncTask.count({ where: { orderId: theirs.id } })).toBe(0)
})

test('a read-only key cannot re-sync: 403 naming sync:write, and nothing is queued', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const order = await createTestOrder({ merchantId: key.merchantId, status: 'VALIDATED' })
  const res = await resync(key.secret, order.reference)
  expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('sync:write') } } })
  expect(await db.syncTask.count({ where: { orderId: order.id } })).toBe(0)
})
