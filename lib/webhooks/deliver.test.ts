// Deliveries end to end on loopback: a real receiver verifies our signatures with the Standard
// Webhooks library, through a secret rotation; a receiver that fails then recovers gets the
// retries the schedule says (driven by a fake clock, not by waiting); an endpoint failing for 5
// days is disabled; "redeliver" is one more attempt, logged as such.
import { Webhook } from 'standardwebhooks'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createSignedInMerchant } from '@/test/factories'
import { deliverWebhook } from './deliver'
import { countDisabledWebhookEndpoints } from './list-webhook-endpoints'
import { rotateWebhookSecret } from './rotate-webhook-secret'
import { startReceiver } from './testing/receiver'
import { createTestEndpoint, emitTestDelivery, SAMPLE_WEBHOOK_DATA } from './testing/webhook-factories'
import { testActor } from '@/test/audit-fixtures'

const S = 1_000
const DAY = 24 * 3_600 * S

async function setup(answer?: Parameters<typeof startReceiver>[0]) {
  const { merchant, user } = await createSignedInMerchant()
  const receiver = await startReceiver(answer)
  const { endpoint, secret } = await createTestEndpoint({ merchantId: merchant.id, userId: user.id, url: receiver.url })
  return { merchant, receiver, endpoint, secret }
}

test('a receiver verifies the delivery with the Standard Webhooks library; the id is the message id', async () => {
  const { merchant, receiver, endpoint, secret } = await setup()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })

  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto' })).toMatchObject({ outcome: 'succeeded', attempt: 1, statusCode: 204 })
  const [got] = receiver.received
  expect(new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>)).toEqual({ type: 'sync_issue.opened', timestamp: expect.any(String), data: SAMPLE_WEBHOOK_DATA['sync_issue.opened'] })
  expect(got!.headers['webhook-id']).toBe(`msg_${delivery.messageId}`)
  expect(Object.keys(JSON.parse(got!.body))).toEqual(['type', 'timestamp', 'data'])
  expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got!.body, got!.headers as Record<string, string>)).toThrow('No matching signature found')
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastStatusCode: 204 })
})

test('after a rotation both secrets verify for 24 hours, then only the new one signs', async () => {
  const { merchant, receiver, endpoint, secret: before } = await setup()
  const { secret: after } = await rotateWebhookSecret({ merchantId: merchant.id, id: endpoint.id, actor: testActor() })
  expect(after).not.toBe(before)

  await deliverWebhook({ deliveryId: (await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })).id, trigger: 'auto' })
  const got = receiver.received[0]!
  expect((got.headers['webhook-signature'] as string).split(' ')).toHaveLength(2)
  for (const secret of [before, after]) expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toBeTruthy()

  const later = new Date(Date.now() + DAY + S)
  const next = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: later })
  await deliverWebhook({ deliveryId: next.id, trigger: 'auto', now: () => later })
  expect((receiver.received[1]!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1)
})

test('a receiver failing then recovering gets the retries of the schedule; the log keeps every attempt', async () => {
  const { merchant, receiver, endpoint } = await setup((_, n) => [500, 503, 204][n - 1]!)
  const t0 = new Date()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: t0 })
  const at = (ms: number) => () => new Date(t0.getTime() + ms)

  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(0) })).toMatchObject({ outcome: 'retry', statusCode: 500, nextAttemptAt: new Date(t0.getTime() + 5 * S) })
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toEqual(t0)
  // Not due yet: a job arriving early (or twice) does nothing.
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(4 * S) })).toEqual({ outcome: 'skipped' })
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(5 * S) })).toMatchObject({ outcome: 'retry', statusCode: 503, nextAttemptAt: new Date(t0.getTime() + 305 * S) })
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(305 * S) })).toMatchObject({ outcome: 'succeeded', attempt: 3, statusCode: 204 })

  expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(`msg_${delivery.messageId}`))
  const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { attempt: 'asc' } })
  expect(attempts.map((a) => [a.attempt, a.trigger, a.statusCode, a.error, a.responseExcerpt])).toEqual([
    [1, 'auto', 500, 'HTTP 500', 'answer 1'],
    [2, 'auto', 503, 'HTTP 503', 'answer 2'],
    [3, 'auto', 204, null, ''],
  ])
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 3, nextAttemptAt: null })
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull()
})

test('a redirect is not followed: it is a failed attempt', async () => {
  const { merchant, receiver, endpoint } = await setup(() => 302)
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto' })).toMatchObject({ outcome: 'retry', statusCode: 302 })
  expect(receiver.received).toHaveLength(1)
})

test('an endpoint failing for 5 days is disabled and its pending deliveries end; at 4 days it is kept', async () => {
  const { merchant, endpoint } = await setup(() => 500)
  const kept = await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver(() => 500)).url })
  const now = new Date()
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(now.getTime() - 5 * DAY) } })
  await db.webhookEndpoint.update({ where: { id: kept.endpoint.id }, data: { failingSince: new Date(now.getTime() - 4 * DAY) } })
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now })
  const waiting = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now })

  await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: () => now })
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: false, disabledReason: 'failing_5_days', disabledAt: now })
  expect(await countDisabledWebhookEndpoints({ merchantId: merchant.id })).toBe(1) // the notice under the connection banner
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: 'FAILED', attempts: 0 })
  expect(await deliverWebhook({ deliveryId: waiting.id, trigger: 'auto', now: () => now })).toEqual({ outcome: 'skipped' })

  const keptDelivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: kept.endpoint.id } })
  await deliverWebhook({ deliveryId: keptDelivery.id, trigger: 'auto', now: () => now })
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: kept.endpoint.id } })).toMatchObject({ enabled: true })
})

test('redeliver sends a delivery that gave up once more, logged as a redeliver; another merchant cannot', async () => {
  let up = false
  const { merchant, receiver, endpoint } = await setup(() => (up ? 200 : 500))
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id })
  await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: 'FAILED', attempts: 12, finishedAt: new Date(), nextAttemptAt: null } })

  const other = await createSignedInMerchant()
  await expect(deliverWebhook({ deliveryId: delivery.id, trigger: 'redeliver', merchantId: other.merchant.id, actor: testActor(other.user) })).rejects.toMatchObject({ code: 'not_found' })
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'redeliver', merchantId: merchant.id, actor: testActor() })).toMatchObject({ outcome: 'failed', attempt: 13, statusCode: 500 })
  up = true
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'redeliver', merchantId: merchant.id, actor: testActor() })).toMatchObject({ outcome: 'succeeded', attempt: 14, statusCode: 200 })
  expect(receiver.received).toHaveLength(2)
  const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { attempt: 'asc' } })
  expect(attempts.map((a) => [a.attempt, a.trigger, a.statusCode])).toEqual([
    [13, 'redeliver', 500],
    [14, 'redeliver', 200],
  ])
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'SUCCEEDED' })
})

test('redelivers do not move the automatic schedule: the next automatic failure waits the schedule’s second delay', async () => {
  const { merchant, endpoint } = await setup(() => 500)
  const t0 = new Date()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: t0 })
  const at = (ms: number) => () => new Date(t0.getTime() + ms)

  await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(0) })
  for (const ms of [S, 2 * S]) expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'redeliver', merchantId: merchant.id, actor: testActor(), now: at(ms) })).toMatchObject({ outcome: 'retry' })
  // Attempt 4 overall, but the second automatic one: 5 minutes, not the fourth delay (2 hours).
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: at(5 * S) })).toMatchObject({ outcome: 'retry', attempt: 4, nextAttemptAt: new Date(t0.getTime() + 305 * S) })
})

test('an error before the request (a secret that no longer decrypts) is a failed attempt, and the 72 hours still end the delivery', async () => {
  const { merchant, receiver, endpoint } = await setup()
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secretEncrypted: 'v1:not-a-sealed-secret' } })
  const t0 = new Date()
  const delivery = await emitTestDelivery({ merchantId: merchant.id, endpointId: endpoint.id, now: t0 })

  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: () => t0 })).toMatchObject({ outcome: 'retry', attempt: 1, statusCode: null, nextAttemptAt: new Date(t0.getTime() + 5 * S) })
  const [attempt] = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } })
  expect(attempt!.error).toBe('not sent: an error on our side stopped the attempt before the request')
  expect(receiver.received).toHaveLength(0)

  const late = new Date(t0.getTime() + 3 * DAY)
  await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: late } })
  expect(await deliverWebhook({ deliveryId: delivery.id, trigger: 'auto', now: () => late })).toMatchObject({ outcome: 'failed', attempt: 2 })
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'FAILED', nextAttemptAt: null })
})
