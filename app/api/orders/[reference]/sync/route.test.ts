// Re-sync through the API: 202 with a sync to watch, the same sync on a second click, a clear
// refusal when there is nothing to send, and another merchant's order is not found.
import { expect, test } from 'vitest'
import { GET as syncStatus } from '@/app/api/syncs/[id]/route'
import { POST as bulk } from '@/app/api/syncs/route'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'
import { POST } from './route'

const resync = (reference: string, cookie: string) =>
  POST(testRequest(`/api/orders/${reference}/sync`, { method: 'POST', cookie }), routeParams({ reference }))

test('a validated order gets an accept sync: 202, then the same sync on a second click', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const first = await resync(order.reference, cookie)
  expect(first.status).toBe(202)
  const a = (await first.json()) as { sync: { id: string; status: string; operation: string; flow: string; reference: string }; created: boolean }
  expect(a).toMatchObject({ created: true, sync: { status: 'queued', operation: 'ACCEPT', flow: 'parcel_update', reference: order.reference } })
  expect(first.headers.get('location')).toBe(`/api/syncs/${a.sync.id}`)

  const second = (await (await resync(order.reference, cookie)).json()) as typeof a
  expect(second).toMatchObject({ created: false, sync: { id: a.sync.id } })

  const watched = await syncStatus(testRequest(`/api/syncs/${a.sync.id}`, { cookie }), routeParams({ id: a.sync.id }))
  expect(watched.status).toBe(200)
  expect(await watched.json()).toMatchObject({ sync: { id: a.sync.id, status: 'queued', done: false } })
})

test('an order that is not validated, or cancelled, has nothing to send: 409 saying why', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const created = await createTestOrder({ merchantId: merchant.id, status: 'CREATED' })
  const res = await resync(created.reference, cookie)
  expect(res.status).toBe(409)
  const body = (await res.json()) as { error: { message: string; details: unknown } }
  expect(body.error.message).toMatch(/not validated/)
  // The code the dashboard says in the merchant's language (connection.refusals).
  expect(body.error.details).toMatchObject({ refusal: { code: 'not_validated', params: {} } })
  const cancelled = await createTestOrder({ merchantId: merchant.id, status: 'CANCELLED' })
  expect((await resync(cancelled.reference, cookie)).status).toBe(409)
})

test('another merchant’s order and sync are not found', async () => {
  const a = await createSignedInMerchant()
  const b = await createSignedInMerchant()
  const theirs = await createTestOrder({ merchantId: b.merchant.id, status: 'VALIDATED' })
  expect((await resync(theirs.reference, a.cookie)).status).toBe(404)
  const { sync } = (await (await resync(theirs.reference, b.cookie)).json()) as { sync: { id: string } }
  const peek = await syncStatus(testRequest(`/api/syncs/${sync.id}`, { cookie: a.cookie }), routeParams({ id: sync.id }))
  expect(peek.status).toBe(404)
})

test('bulk re-sync reports each order, and a bad body names the field', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const ok = await createTestOrder({ merchantId: merchant.id, status: 'IN_TRANSIT' })
  const noTracking = ok.reference
  const validated = await createTestOrder({ merchantId: merchant.id, status: 'PACKED' })
  const res = await bulk(testRequest('/api/syncs', { method: 'POST', cookie, body: { references: [validated.reference, noTracking, '999999999'] } }))
  expect(res.status).toBe(202)
  const { results } = (await res.json()) as { results: { reference: string; syncId: string | null; error: string | null }[] }
  expect(results.map((r) => [r.reference, r.syncId !== null, r.error !== null])).toEqual([
    [validated.reference, true, false],
    [noTracking, false, true],
    ['999999999', false, true],
  ])

  const bad = await bulk(testRequest('/api/syncs', { method: 'POST', cookie, body: { references: ['12ab'] } }))
  expect(bad.status).toBe(400)
  expect(JSON.stringify(await bad.json())).toContain('references')
})
