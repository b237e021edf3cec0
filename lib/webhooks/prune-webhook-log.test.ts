import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { pruneWebhookLog } from './prune-webhook-log'
import { startReceiver } from './testing/receiver'
import { createTestEndpoint, emitTestDelivery } from './testing/webhook-factories'

test('messages older than 30 days go with their log once every delivery has ended; recent or pending ones stay', async () => {
  const merchant = await createTestMerchant()
  const { endpoint } = await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url })
  const now = new Date()
  const old = new Date(now.getTime() - 31 * 24 * 3_600_000)
  const done = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: old })
  const stuck = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: old })
  const recent = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now })
  await db.webhookDelivery.updateMany({ where: { id: { in: [done.id, recent.id] } }, data: { status: 'SUCCEEDED' } })
  await db.webhookAttempt.create({ data: { deliveryId: done.id, attempt: 1, trigger: 'auto', statusCode: 204, durationMs: 3 } })

  expect(await pruneWebhookLog({ now })).toBeGreaterThanOrEqual(1)
  const left = await db.webhookDelivery.findMany({ where: { merchantId: merchant.id }, select: { id: true } })
  expect(left.map((d) => d.id).sort()).toEqual([stuck.id, recent.id].sort())
  expect(await db.webhookAttempt.count({ where: { deliveryId: done.id } })).toBe(0)
})
