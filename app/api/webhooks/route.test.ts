// The webhooks' session routes: the secret is in the answer that made it and nowhere after; a URL
// pointing inside our network is a 400 naming `url`; another merchant's endpoint or delivery is a
// 404; events, rotation, deliveries and redeliver as the page uses them.
import { Webhook } from 'standardwebhooks'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { emitTestDelivery } from '@/lib/webhooks/testing/webhook-factories'
import { createSignedInMerchant, routeParams, testRequest } from '@/test/factories'
import { DELETE, PATCH } from './[id]/route'
import { GET as DELIVERIES } from './[id]/deliveries/route'
import { POST as ROTATE } from './[id]/rotate-secret/route'
import { POST as REDELIVER } from './deliveries/[id]/redeliver/route'
import { GET, POST } from './route'

const create = (cookie: string, body: unknown) => POST(testRequest('/api/webhooks', { method: 'POST', cookie, body }))

test('an endpoint is created with its secret once; the list never shows a secret', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const receiver = await startReceiver()
  const res = await create(cookie, { url: receiver.url, description: 'Our ERP', events: ['sync_issue.opened', 'connection.degraded', 'sync_issue.opened'] })
  expect(res.status).toBe(201)
  const { endpoint, secret } = await res.json()
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
  expect(endpoint).toMatchObject({ url: receiver.url, description: 'Our ERP', events: ['sync_issue.opened', 'connection.degraded'], enabled: true })

  const list = await (await GET(testRequest('/api/webhooks', { cookie }))).json()
  expect(list.endpoints.map((e: { id: string }) => e.id)).toEqual([endpoint.id])
  expect(JSON.stringify(list)).not.toContain(secret.slice(6, 30))
  const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })
  expect(row.secretEncrypted).not.toContain(secret.slice(6, 30))
  expect(row.merchantId).toBe(merchant.id)
})

test.each([
  ['http://10.0.0.8/hooks', 'Not allowed: 10.0.0.8 is a private address'],
  ['http://169.254.169.254/latest/meta-data', 'Not allowed: 169.254.169.254 is a linkLocal address'],
  ['http://[fd00::1]/hooks', 'Not allowed: fd00::1 is a uniqueLocal address'],
  ['http://metadata.google.internal/', 'Not allowed: points to a cloud metadata host'],
  ['ftp://hooks.example.com/', 'Must be an http(s) URL'],
])('%s is refused with a 400 naming url', async (url, message) => {
  const { merchant, cookie } = await createSignedInMerchant()
  const res = await create(cookie, { url, events: ['sync_issue.opened'] })
  expect(res.status).toBe(400)
  expect((await res.json()).error.fields).toEqual({ url: [message] })
  expect(await db.webhookEndpoint.count({ where: { merchantId: merchant.id } })).toBe(0)
})

test('no events, an unknown event or nothing to change: 400 naming events', async () => {
  const { cookie } = await createSignedInMerchant()
  expect((await (await create(cookie, { url: 'http://127.0.0.1:9/x', events: [] })).json()).error.fields).toEqual({ events: ['Choose at least one event'] })
  expect((await create(cookie, { url: 'http://127.0.0.1:9/x', events: ['order.shipped'] })).status).toBe(400)
  const { endpoint } = await (await create(cookie, { url: 'http://127.0.0.1:9/x', events: ['sync_issue.opened'] })).json()
  const res = await PATCH(testRequest(`/api/webhooks/${endpoint.id}`, { method: 'PATCH', cookie, body: {} }), routeParams({ id: endpoint.id }))
  expect((await res.json()).error.fields).toEqual({ events: ['Nothing to change'] })
})

test('events change, a disabled endpoint re-enabled starts afresh, rotation gives a new secret, delete removes it', async () => {
  const { cookie } = await createSignedInMerchant()
  const { endpoint, secret } = await (await create(cookie, { url: 'http://127.0.0.1:9/x', events: ['sync_issue.opened'] })).json()
  const patch = (body: unknown) => PATCH(testRequest(`/api/webhooks/${endpoint.id}`, { method: 'PATCH', cookie, body }), routeParams({ id: endpoint.id }))
  expect((await (await patch({ events: ['address_error.opened', 'address_error.fixed'] })).json()).endpoint.events).toEqual(['address_error.opened', 'address_error.fixed'])
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: 'failing_5_days', disabledAt: new Date(), failingSince: new Date(0) } })
  expect((await (await patch({ enabled: true })).json()).endpoint).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null })

  const rotated = await (await ROTATE(testRequest(`/api/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST', cookie }), routeParams({ id: endpoint.id }))).json()
  expect(rotated.secret).not.toBe(secret)
  expect(rotated.endpoint.previousSecretExpiresAt).toEqual(expect.any(String))

  expect((await DELETE(testRequest(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', cookie }), routeParams({ id: endpoint.id }))).status).toBe(204)
  expect(await db.webhookEndpoint.findUnique({ where: { id: endpoint.id } })).toBeNull()
})

test('deliveries list with attempts, redeliver answers the outcome; another merchant gets 404s', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const receiver = await startReceiver(() => 200)
  const { endpoint, secret } = await (await create(cookie, { url: receiver.url, events: ['sync_issue.opened'] })).json()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })

  const redeliver = (c: string) => REDELIVER(testRequest(`/api/webhooks/deliveries/${delivery.id}/redeliver`, { method: 'POST', cookie: c }), routeParams({ id: delivery.id }))
  const res = await redeliver(cookie)
  expect(await res.json()).toEqual({ result: { outcome: 'succeeded', attempt: 1, statusCode: 200, nextAttemptAt: null } })
  expect(new Webhook(secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers as Record<string, string>)).toBeTruthy()

  const listed = await (await DELIVERIES(testRequest(`/api/webhooks/${endpoint.id}/deliveries`, { cookie }), routeParams({ id: endpoint.id }))).json()
  expect(listed.deliveries).toEqual([
    expect.objectContaining({ id: delivery.id, eventType: 'sync_issue.opened', status: 'SUCCEEDED', attempts: 1, recentAttempts: [expect.objectContaining({ attempt: 1, trigger: 'redeliver', statusCode: 200 })] }),
  ])

  const other = await createSignedInMerchant()
  expect((await redeliver(other.cookie)).status).toBe(404)
  expect((await DELIVERIES(testRequest(`/api/webhooks/${endpoint.id}/deliveries`, { cookie: other.cookie }), routeParams({ id: endpoint.id }))).status).toBe(404)
  const del = await DELETE(testRequest(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', cookie: other.cookie }), routeParams({ id: endpoint.id }))
  expect(del.status).toBe(404)
  expect(receiver.received).toHaveLength(1)
})
