// Emission is part of the caller's transaction: rolled back with it, and the workers' wake-up
// (NOTIFY) arrives only once it commits. The sweep hands every due delivery of an enabled endpoint
// to the queue, and nothing else.
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { DELIVERY_CHANNEL, emitWebhookEvent } from './emit'
import { sweepDueDeliveries } from './sweep-deliveries'
import { startReceiver } from './testing/receiver'
import { createTestEndpoint, emitTestDelivery, SAMPLE_WEBHOOK_DATA } from './testing/webhook-factories'

async function listen() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  onTestFinished(() => client.end())
  const heard: string[] = []
  client.on('notification', (n) => heard.push(n.channel))
  await client.query(`LISTEN ${DELIVERY_CHANNEL}`)
  return heard
}

test('the workers hear of a delivery only when its transaction commits; a rollback leaves nothing', async () => {
  const merchant = await createTestMerchant()
  const { endpoint } = await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url })
  const heard = await listen()

  await expect(
    db.$transaction(async (tx) => {
      await emitWebhookEvent(tx, { merchantId: merchant.id, type: 'sync_issue.opened', data: SAMPLE_WEBHOOK_DATA['sync_issue.opened'] })
      throw new Error('the change failed')
    }),
  ).rejects.toThrow('the change failed')
  expect(await db.webhookMessage.count({ where: { merchantId: merchant.id } })).toBe(0)

  await db.$transaction(async (tx) => {
    await emitWebhookEvent(tx, { merchantId: merchant.id, type: 'sync_issue.opened', data: SAMPLE_WEBHOOK_DATA['sync_issue.opened'] })
    await sleep(200)
    expect(heard).toEqual([])
  })
  for (let i = 0; i < 50 && heard.length === 0; i++) await sleep(20)
  expect(heard).toEqual([DELIVERY_CHANNEL])
  expect(await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } })).toMatchObject([{ status: 'PENDING', attempts: 0 }])
})

test('the sweep sends due deliveries of enabled endpoints only', async () => {
  const merchant = await createTestMerchant()
  const url = (await startReceiver()).url
  const [on, off] = [await createTestEndpoint({ merchantId: merchant.id, url }), await createTestEndpoint({ merchantId: merchant.id, url })]
  const now = new Date()
  const due = await emitTestDelivery({ merchantId: merchant.id, endpointId: on.endpoint.id, now })
  const [later] = await db.webhookDelivery.updateManyAndReturn({
    where: { id: (await emitTestDelivery({ merchantId: merchant.id, endpointId: on.endpoint.id, now })).id },
    data: { nextAttemptAt: new Date(now.getTime() + 60_000) },
  })
  await db.webhookEndpoint.update({ where: { id: off.endpoint.id }, data: { enabled: false } })

  const sent: string[] = []
  await sweepDueDeliveries({ now, send: async (id) => void sent.push(id) })
  const mine = await db.webhookDelivery.findMany({ where: { merchantId: merchant.id }, select: { id: true } })
  expect(sent.filter((id) => mine.some((m) => m.id === id))).toEqual([due.id])
  expect(sent).not.toContain(later!.id)
})
