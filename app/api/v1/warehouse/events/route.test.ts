// POST /api/v1/warehouse/events through its route: recording, idempotency, per-event refusals.
import { randomUUID } from 'node:crypto'
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { stopQueue } from '@/lib/sync/queue'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { createTestMerchant, uniqueDigits } from '@/test/factories'
import { GET } from './[id]/route'
import { POST } from './route'

afterAll(() => stopQueue())

type Results = { results: Array<Record<string, unknown>> }
type ErrorAnswer = { error: { code: string; details: Results } }

const packed = (merchantId: string, over: Record<string, unknown> = {}) => ({
  id: `evt-${randomUUID()}`,
  merchantId,
  type: 'order.packed',
  occurredAt: '2026-12-06T09:00:00Z',
  data: { reference: uniqueDigits() },
  ...over,
})

async function setup() {
  const merchant = await createTestMerchant()
  const { secret: key } = await createTestWarehouseKey()
  const post = (events: unknown[]) => callV1<Results>(POST, '/warehouse/events', { method: 'POST', key, body: { events } })
  return { merchant, key, post }
}

test('an event is recorded once: the same again is a duplicate, the same id with other content a conflict', async () => {
  const { merchant, key, post } = await setup()
  const event = packed(merchant.id)

  const first = await post([event])
  expect(first.status).toBe(202)
  expect(first.body.results).toEqual([{ id: event.id, result: 'accepted', state: 'pending' }])

  // Same content, spelled differently (key order, another offset for the same instant).
  const again = await post([{ data: event.data, type: event.type, occurredAt: '2026-12-06T10:00:00+01:00', merchantId: merchant.id, id: event.id }])
  expect(again.status).toBe(202)
  expect(again.body.results).toEqual([{ id: event.id, result: 'duplicate', state: 'pending' }])

  const changed = await callV1<ErrorAnswer>(POST, '/warehouse/events', { method: 'POST', key, body: { events: [{ ...event, occurredAt: '2026-12-06T09:00:01Z' }] } })
  expect(changed.status).toBe(409)
  expect(changed.body.error.details.results).toEqual([{ id: event.id, result: 'conflict', error: expect.objectContaining({ code: 'conflict' }) }])

  expect(await db.warehouseEvent.count({ where: { merchantId: merchant.id } })).toBe(1)
  const followed = await callV1(GET, `/warehouse/events/${event.id}?merchantId=${merchant.id}`, { key, params: { id: event.id } })
  expect(followed).toMatchObject({ status: 200, body: { id: event.id, type: 'order.packed', state: 'pending', outcome: null } })
  // Ids are per merchant: another merchant's id space, or no merchant named, finds nothing.
  const other = await createTestMerchant()
  expect((await callV1(GET, `/warehouse/events/${event.id}?merchantId=${other.id}`, { key, params: { id: event.id } })).status).toBe(404)
  const unnamed = await callV1<{ error: { fields: Record<string, string[]> } }>(GET, `/warehouse/events/${event.id}`, { key, params: { id: event.id } })
  expect(unnamed.status).toBe(400)
  expect(Object.keys(unnamed.body.error.fields)).toEqual(['merchantId'])
})

test('a bad event is refused alone, naming its field; an unknown merchant is refused by name', async () => {
  const { merchant, post } = await setup()
  const good = packed(merchant.id)
  const badShip = packed(merchant.id, { type: 'order.shipped', data: { reference: '12', carrier: 'Colissimo', trackingNumber: '' } })
  const strangers = packed(randomUUID())

  const answer = await post([good, badShip, strangers, 'not an event'])
  expect(answer.status).toBe(202)
  expect(answer.body.results).toEqual([
    { id: good.id, result: 'accepted', state: 'pending' },
    { id: badShip.id, result: 'rejected', error: expect.objectContaining({ fields: { 'events[1].data.trackingNumber': expect.any(Array) } }) },
    { id: strangers.id, result: 'rejected', error: expect.objectContaining({ fields: { 'events[2].merchantId': ['No merchant has this id.'] } }) },
    { id: null, result: 'rejected', error: expect.objectContaining({ code: 'bad_request' }) },
  ])
  expect(await db.warehouseEvent.findMany({ where: { merchantId: merchant.id }, select: { eventId: true } })).toEqual([{ eventId: good.id }])
})

test('an event dated in a year PostgreSQL cannot hold is refused alone, naming occurredAt', async () => {
  const { merchant, post } = await setup()
  const good = packed(merchant.id)
  const yearZero = packed(merchant.id, { occurredAt: '0000-01-01T00:00:00Z' })
  const answer = await post([good, yearZero])
  expect(answer.status).toBe(202)
  expect(answer.body.results).toEqual([
    { id: good.id, result: 'accepted', state: 'pending' },
    { id: yearZero.id, result: 'rejected', error: expect.objectContaining({ fields: { 'events[1].occurredAt': [expect.stringContaining('RFC 3339')] } }) },
  ])
})

test('a broken character (a lone UTF-16 surrogate) in a carrier or a tracking URL is refused alone, naming the field, not a 500', async () => {
  const { merchant, post } = await setup()
  const shipped = (data: Record<string, unknown>) => packed(merchant.id, { type: 'order.shipped', data: { reference: uniqueDigits(), carrier: 'Colissimo', trackingNumber: '6A123', ...data } })
  const good = shipped({})
  const carrier = shipped({ carrier: 'Colis\uD87D' })
  const url = shipped({ trackingUrl: 'https://track.example/\uDC00' })
  const answer = await post([good, carrier, url])
  expect(answer.status).toBe(202)
  expect(answer.body.results).toEqual([
    { id: good.id, result: 'accepted', state: 'pending' },
    { id: carrier.id, result: 'rejected', error: expect.objectContaining({ fields: { 'events[1].data.carrier': ['Must not contain control characters'] } }) },
    { id: url.id, result: 'rejected', error: expect.objectContaining({ fields: { 'events[2].data.trackingUrl': ['Must not contain control characters'] } }) },
  ])
})

test('a merchant id in capitals is the same merchant', async () => {
  const { merchant, post } = await setup()
  const event = packed(merchant.id.toUpperCase())
  expect((await post([event])).body.results).toEqual([{ id: event.id, result: 'accepted', state: 'pending' }])
  expect((await post([event])).body.results).toEqual([{ id: event.id, result: 'duplicate', state: 'pending' }])
})

test('the same id twice in one batch is recorded once', async () => {
  const { merchant, post } = await setup()
  const event = packed(merchant.id)
  const answer = await post([event, event, { ...event, data: { reference: '1' } }])
  expect(answer.body.results.map((r) => r.result)).toEqual(['accepted', 'duplicate', 'conflict'])
})

test('a batch with nothing recorded is a 400; more than 500 events is a 400 naming the list', async () => {
  const { key, post } = await setup()
  const none = await post([{ id: 'x' }])
  expect(none.status).toBe(400)
  const tooMany = await callV1<{ error: { fields: Record<string, string[]> } }>(POST, '/warehouse/events', {
    method: 'POST',
    key,
    body: { events: Array.from({ length: 501 }, () => ({})) },
  })
  expect(tooMany.status).toBe(400)
  expect(Object.keys(tooMany.body.error.fields)).toEqual(['events'])
})

test('a merchant key cannot post warehouse events (403), an unknown key is a 401', async () => {
  const { merchant } = await setup()
  const { secret: key } = await createTestMerchantKey({ merchantId: merchant.id })
  const body = { events: [packed(merchant.id)] }
  expect((await callV1(POST, '/warehouse/events', { method: 'POST', key, body })).status).toBe(403)
  expect((await callV1(POST, '/warehouse/events', { method: 'POST', key: 'bmk_wh_00000000000000000000000000000000', body })).status).toBe(401)
  expect(await db.warehouseEvent.count({ where: { merchantId: merchant.id } })).toBe(0)
})
