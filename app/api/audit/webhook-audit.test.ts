// Every change to a merchant's webhooks is in its audit, through the routes a signed-in admin
// calls (the actor is the session's person, with where they called from), and the worker's own
// change (disabling an endpoint failing for 5 days) is recorded as the worker's. Secrets never.
import { expect, test } from 'vitest'
import { POST as redeliver } from '@/app/api/webhooks/deliveries/[id]/redeliver/route'
import { DELETE, PATCH } from '@/app/api/webhooks/[id]/route'
import { POST as rotate } from '@/app/api/webhooks/[id]/rotate-secret/route'
import { POST as create } from '@/app/api/webhooks/route'
import { db } from '@/lib/db'
import { auditRows } from '@/test/audit-fixtures'
import { createSignedInMerchant, routeParams, testRequest } from '@/test/factories'
import { deliverWebhook } from '@/lib/webhooks/deliver'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { emitTestDelivery } from '@/lib/webhooks/testing/webhook-factories'

test('create, change, rotate, redeliver and delete are each one audit row naming the admin; no secret in any', async () => {
  const { merchant, user, cookie } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const receiver = await startReceiver()
  const headers = { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'Firefox' }

  const made = await create(testRequest('/api/webhooks', { cookie, method: 'POST', headers, body: { url: receiver.url, events: ['sync_issue.opened'] } }))
  expect(made.status).toBe(201)
  const { endpoint, secret } = (await made.json()) as { endpoint: { id: string }; secret: string }
  const params = routeParams({ id: endpoint.id })
  expect((await PATCH(testRequest(`/api/webhooks/${endpoint.id}`, { cookie, method: 'PATCH', body: { events: ['sync_issue.opened', 'connection.degraded'], description: 'ERP' } }), params)).status).toBe(200)
  const rotated = (await (await rotate(testRequest(`/api/webhooks/${endpoint.id}/rotate-secret`, { cookie, method: 'POST' }), params)).json()) as { secret: string }
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })
  expect((await redeliver(testRequest(`/api/webhooks/deliveries/${delivery.id}/redeliver`, { cookie, method: 'POST' }), routeParams({ id: delivery.id }))).status).toBe(200)
  // Another merchant's admin changes nothing and leaves no row in either audit.
  expect((await DELETE(testRequest(`/api/webhooks/${endpoint.id}`, { cookie: other.cookie, method: 'DELETE' }), params)).status).toBe(404)
  expect((await DELETE(testRequest(`/api/webhooks/${endpoint.id}`, { cookie, method: 'DELETE' }), params)).status).toBe(204)

  const rows = await auditRows(merchant.id)
  expect(rows.map((r) => r.action)).toEqual([
    'webhook.endpoint_created',
    'webhook.endpoint_updated',
    'webhook.secret_rotated',
    'webhook.delivery_redelivered',
    'webhook.endpoint_deleted',
  ])
  expect(new Set(rows.map((r) => `${r.actorKind} ${r.actorId}`))).toEqual(new Set([`USER ${user.id}`]))
  expect(rows[0]).toMatchObject({ actorName: `${user.name} <${user.email}>`, userAgent: 'Firefox', subjectType: 'webhook_endpoint', subjectId: endpoint.id, after: { url: receiver.url, events: ['sync_issue.opened'] } })
  expect(rows[1]).toMatchObject({ before: { events: ['sync_issue.opened'], description: null }, after: { events: ['sync_issue.opened', 'connection.degraded'], description: 'ERP' } })
  expect(rows[3]).toMatchObject({ subjectType: 'webhook_delivery', subjectId: delivery.id, after: { endpointId: endpoint.id, statusCode: 204, outcome: 'succeeded' } })
  expect(rows[4]).toMatchObject({ before: { url: receiver.url, events: ['sync_issue.opened', 'connection.degraded'] } })
  const text = JSON.stringify(rows.map((r) => [r.before, r.after]))
  for (const s of [secret, rotated.secret]) expect(text).not.toContain(s)
  expect(await auditRows(other.merchant.id)).toEqual([])
})

test('an endpoint the worker disables after 5 days of failures is audited as the worker, once', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const receiver = await startReceiver(() => 500)
  const made = (await (await create(testRequest('/api/webhooks', { cookie, method: 'POST', body: { url: receiver.url, events: ['sync_issue.opened'] } }))).json()) as { endpoint: { id: string } }
  const now = new Date()
  await db.webhookEndpoint.update({ where: { id: made.endpoint.id }, data: { failingSince: new Date(now.getTime() - 5 * 86_400_000) } })
  const first = await emitTestDelivery({ merchantId: merchant.id, endpointId: made.endpoint.id, now })
  await deliverWebhook({ deliveryId: first.id, trigger: 'auto', now: () => now })

  expect(await auditRows(merchant.id, 'webhook.endpoint_disabled')).toMatchObject([
    { actorKind: 'WORKER', actorId: 'webhook-delivery', subjectId: made.endpoint.id, before: { enabled: true }, after: { enabled: false, url: receiver.url, reason: 'failing_5_days' } },
  ])
})
