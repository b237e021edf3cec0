import { afterAll, beforeAll, expect, test } from 'vitest'
import { PATCH } from '@/app/api/orders/[reference]/address/route'
import { addressIn } from '@/lib/addresses/address-fixtures'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { validateOrder } from '@/lib/warehouse/validate-order'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const fixed = addressIn('FR', { street: 'Résidence les Jardins de la Garenne', street2: '14 avenue du Général Leclerc' })

async function blocked() {
  const signedIn = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: signedIn.merchant.id, currentAddress: { street: 'Résidence les Jardins de la Garenne, 14 avenue du Général Leclerc', street2: 'Tél. 06 23 45 67 89' } })
  await validateOrder({ merchantId: signedIn.merchant.id, orderId: order.id })
  const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  return { ...signedIn, reference: order.reference, version }
}

const patch = (reference: string, cookie: string | undefined, body: unknown) =>
  PATCH(testRequest(`/api/orders/${reference}/address`, { method: 'PATCH', cookie, body }), routeParams({ reference }))

test('200: saved and validated, with the sync that accepts the sale on Back Market', async () => {
  const { cookie, reference, version } = await blocked()
  const res = await patch(reference, cookie, { version, address: fixed })
  expect(res.status).toBe(200)
  const body = await res.json()
  expect(body).toMatchObject({
    outcome: 'validated',
    order: { reference, status: 'VALIDATED', version: version + 2 },
    address: { street2: '14 avenue du Général Leclerc', phone: '+33612345678' },
    sync: { operation: 'ACCEPT', flow: 'parcel_update', reference, status: 'queued', done: false },
  })
  expect(body.sync.id).toEqual(expect.any(String))
})

test('422: saved but still failing, with the fields, the issues and the version to carry on from', async () => {
  const { cookie, reference, version } = await blocked()
  const res = await patch(reference, cookie, { version, address: { ...fixed, postalCode: '9225' } })
  expect(res.status).toBe(422)
  const { error } = await res.json()
  expect(error).toMatchObject({
    code: 'unprocessable',
    fields: { postalCode: [expect.stringContaining('not a valid postcode for France')] },
    details: { issues: [{ code: 'ZIP_BAD_FORMAT', field: 'postalCode', severity: 'error' }], order: { status: 'CREATED', version: version + 2 }, address: { postalCode: '9225' } },
  })
})

test('400 naming the fields of a malformed body, before anything is written', async () => {
  const { cookie, reference, version } = await blocked()
  const res = await patch(reference, cookie, { address: { ...fixed, country: 'France', street: 42 } })
  expect(res.status).toBe(400)
  const { error } = await res.json()
  expect(Object.keys(error.fields).sort()).toEqual(['address.country', 'address.street', 'version'])
  expect(await db.order.findFirstOrThrow({ where: { reference } })).toMatchObject({ version })
  expect((await patch(reference, cookie, 'not json')).status).toBe(400)
})

test('400 for a control character in a field or a version past the column, where both were 500s', async () => {
  const { cookie, reference, version } = await blocked()
  const nul = await patch(reference, cookie, { version, address: { ...fixed, street: '1 rue\u0000' } })
  expect(nul.status).toBe(400)
  expect((await nul.json()).error.fields).toEqual({ 'address.street': ['Must not contain control characters'] })
  const huge = await patch(reference, cookie, { version: 2 ** 31, address: fixed })
  expect(huge.status).toBe(400)
  expect((await huge.json()).error.fields).toEqual({ version: ['Not a version of this order'] })
  expect(await db.order.findFirstOrThrow({ where: { reference } })).toMatchObject({ version })
})

test('409 on a stale version, with both addresses', async () => {
  const { cookie, reference, version } = await blocked()
  await patch(reference, cookie, { version, address: { ...fixed, postalCode: '9225' } })
  const res = await patch(reference, cookie, { version, address: fixed })
  expect(res.status).toBe(409)
  const { error } = await res.json()
  expect(error.details).toMatchObject({ reason: 'stale', yours: { postalCode: '75002' }, theirs: { postalCode: '9225' }, currentVersion: version + 2 })
})

test("404 for another merchant's order, 401 without a session", async () => {
  const { reference, version } = await blocked()
  const other = await createSignedInMerchant()
  const res = await patch(reference, other.cookie, { version, address: fixed })
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Order not found.' } })
  const anonymous = await patch(reference, undefined, { version, address: fixed })
  expect(anonymous.status).toBe(401)
})
