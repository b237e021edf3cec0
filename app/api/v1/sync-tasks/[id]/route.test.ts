import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/sync-tasks/[id]/route'
import { getSyncTaskOperation } from '@/lib/api-v1/operations/sync'
import type { SyncTaskV1 } from '@/lib/api-v1/schemas/sync-task'
import { createTestSyncFailure } from '@/lib/sync/testing/sync-factories'
import { callV1, createTestMerchantKey } from '@/test/api-v1'
import { createTestMerchant } from '@/test/factories'

const follow = (key: string, id: string) => callV1<{ sync: SyncTaskV1 }>(GET, `/sync-tasks/${id}`, { key, params: { id } })

test('follows a failed task: its status, its failure and the calls made to Back Market', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const { task, order } = await createTestSyncFailure({ merchantId: key.merchantId, httpStatus: 404 })
  const res = await follow(key.secret, task.id)
  expect(res.status).toBe(200)
  expect(getSyncTaskOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body.sync).toMatchObject({
    id: task.id,
    operation: 'ACCEPT',
    reference: order!.reference,
    status: 'failed',
    calls: [{ method: 'POST', httpStatus: 404, outcome: 'PERMANENT_FAILURE' }],
  })
})

test("another merchant's task is a 404 like a missing one; a malformed id a 400 naming it", async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const other = await createTestMerchant()
  const { task } = await createTestSyncFailure({ merchantId: other.id })
  expect((await follow(key.secret, task.id)).status).toBe(404)
  expect((await follow(key.secret, randomUUID())).status).toBe(404)
  expect(await follow(key.secret, 'task-1')).toMatchObject({ status: 400, body: { error: { fields: { id: ['A sync task id is a UUID'] } } } })
})
