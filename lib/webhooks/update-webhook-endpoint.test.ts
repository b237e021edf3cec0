// An endpoint deleted while it is being changed: the change is a 404, not a 500. The delete holds
// the row's lock until the change is waiting on it, so the race happens every run.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { testActor } from '@/test/audit-fixtures'
import { createTestMerchant } from '@/test/factories'
import { createTestEndpoint } from './testing/webhook-factories'
import { updateWebhookEndpoint } from './update-webhook-endpoint'

async function waitForALockWait() {
  for (let i = 0; i < 200; i++) {
    const [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`
    if (waiting > 0) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('the update never waited on the delete')
}

test('an endpoint deleted while its events change: 404', async () => {
  const merchant = await createTestMerchant()
  const { endpoint } = await createTestEndpoint({ merchantId: merchant.id, url: 'http://127.0.0.1:9/x' })
  let update: Promise<unknown> | undefined
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } })
    update = updateWebhookEndpoint({ merchantId: merchant.id, id: endpoint.id, input: { events: ['connection.degraded'] }, actor: testActor() })
    update.catch(() => {}) // awaited below, once the delete has committed
    await waitForALockWait()
  })
  await expect(update).rejects.toMatchObject({ code: 'not_found' })
})

test("another merchant's endpoint is not changed: 404", async () => {
  const [owner, other] = [await createTestMerchant(), await createTestMerchant()]
  const { endpoint } = await createTestEndpoint({ merchantId: owner.id, url: 'http://127.0.0.1:9/x' })
  await expect(updateWebhookEndpoint({ merchantId: other.id, id: endpoint.id, input: { enabled: false }, actor: testActor() })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: true })
})
