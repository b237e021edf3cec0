// A webhook URL's query-string secret never reaches the permanent audit: create, change, rotate,
// redeliver, the worker's disable and delete each record the URL with secret-looking values
// redacted, while the endpoint itself keeps (and delivers to) the full URL.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { auditRows, testActor } from '@/test/audit-fixtures'
import { createSignedInMerchant } from '@/test/factories'
import { createWebhookEndpoint } from './create-webhook-endpoint'
import { deleteWebhookEndpoint } from './delete-webhook-endpoint'
import { deliverWebhook, disableIfFailingTooLong } from './deliver'
import { rotateWebhookSecret } from './rotate-webhook-secret'
import { startReceiver } from './testing/receiver'
import { emitTestDelivery } from './testing/webhook-factories'
import { updateWebhookEndpoint } from './update-webhook-endpoint'

test('every audit row of an endpoint keeps the URL without its query-string secret', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const actor = testActor(user)
  const receiver = await startReceiver()
  const url = `${receiver.url}?access_token=S3CRET-VALUE&shop=fr`
  const { endpoint } = await createWebhookEndpoint({ merchantId: merchant.id, actor, input: { url, events: ['sync_issue.opened'] } })
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).url).toBe(url)

  await updateWebhookEndpoint({ merchantId: merchant.id, id: endpoint.id, actor, input: { description: 'ERP' } })
  await rotateWebhookSecret({ merchantId: merchant.id, id: endpoint.id, actor })
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })
  await deliverWebhook({ deliveryId: delivery.id, trigger: 'redeliver', merchantId: merchant.id, actor })
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 6 * 24 * 3600_000) } })
  expect(await db.$transaction((tx) => disableIfFailingTooLong(tx, endpoint.id, new Date()))).toBe(true)
  await deleteWebhookEndpoint({ merchantId: merchant.id, id: endpoint.id, actor })

  const rows = await auditRows(merchant.id)
  expect(rows.map((r) => r.action)).toEqual([
    'webhook.endpoint_created',
    'webhook.endpoint_updated',
    'webhook.secret_rotated',
    'webhook.delivery_redelivered',
    'webhook.endpoint_disabled',
    'webhook.endpoint_deleted',
  ])
  const kept = `${receiver.url}?access_token=[redacted]&shop=fr`
  const urls = rows.flatMap((r) => [r.before, r.after]).flatMap((v) => (v && typeof v === 'object' && 'url' in v ? [(v as { url: unknown }).url] : []))
  expect(urls.length).toBeGreaterThanOrEqual(6)
  expect(new Set(urls)).toEqual(new Set([kept]))
  expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toContain('S3CRET-VALUE')
})
