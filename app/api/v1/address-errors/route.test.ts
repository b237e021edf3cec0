import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/address-errors/route'
import type { CursorPage } from '@/lib/api-v1/cursor'
import { listAddressErrorsOperation } from '@/lib/api-v1/operations/orders'
import type { AddressErrorV1 } from '@/lib/api-v1/schemas/address-error'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { createTestMerchant, createTestOrder } from '@/test/factories'

type Page = CursorPage<AddressErrorV1>
const list = (key: string, query = '') => callV1<Page>(GET, `/address-errors${query}`, { key })

const ZIP = { code: 'ZIP_BAD_FORMAT', field: 'postalCode', severity: 'error', message: 'Postcode is not valid for FR.' }
const EMAIL = { code: 'EMAIL_INVALID', field: 'email', severity: 'warning', message: 'Email looks wrong.' }

async function orderWith(merchantId: string, opts: { status?: OrderStatus; issues?: object[]; rejected?: boolean; placedAt?: Date; reference?: string }) {
  const order = await createTestOrder({ merchantId, status: opts.status, placedAt: opts.placedAt, reference: opts.reference })
  const rejectedAt = new Date('2026-12-02T08:00:00.000Z')
  await db.order.update({
    where: { id: order.id },
    data: {
      ...(opts.issues ? { addressIssues: opts.issues, addressCheckedAt: new Date() } : {}),
      ...(opts.rejected
        ? { carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], at: rejectedAt.toISOString() }, carrierRejectedAt: rejectedAt }
        : {}),
    },
  })
  return order
}

test('lists the orders our checks or a carrier blocked, newest first, with the cut-off that applies', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const other = await createTestMerchant()
  const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000)
  const checked = await orderWith(key.merchantId, { issues: [ZIP, EMAIL], placedAt: daysAgo(3) })
  const refused = await orderWith(key.merchantId, { status: 'PICKING', rejected: true, placedAt: daysAgo(4) })
  // Not blocked: only a warning; an error on an order the warehouse validated since; a refusal
  // after the parcel left; another merchant's blocked order.
  await orderWith(key.merchantId, { issues: [EMAIL] })
  await orderWith(key.merchantId, { status: 'VALIDATED', issues: [ZIP] })
  await orderWith(key.merchantId, { status: 'IN_TRANSIT', rejected: true })
  await orderWith(other.id, { issues: [ZIP] })

  const res = await list(key.secret)
  expect(res.status).toBe(200)
  expect(listAddressErrorsOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body).toEqual({
    data: [
      expect.objectContaining({ reference: checked.reference, buyerName: 'Camille Martin', city: 'Paris', issues: [ZIP], carrierRejection: null }),
      expect.objectContaining({
        reference: refused.reference,
        issues: [],
        carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], rejectedAt: '2026-12-02T08:00:00.000Z' },
      }),
    ],
    nextCursor: null,
  })
  // Placed days ago with no line accepted or shipped: its acceptance cut-off (assumed 48 h) has passed.
  expect(res.body.data[0]).toMatchObject({ urgency: 'overdue', cutoff: { kind: 'acceptance', source: 'assumed' } })
})

test('a cursor walk sees every blocked order once; the reference prefix filters; a bad cursor is a 400', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const blocked = []
  for (let i = 0; i < 5; i += 1) blocked.push(await orderWith(key.merchantId, { issues: [ZIP], reference: `55${i}0${i}` }))
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const res: Awaited<ReturnType<typeof list>> = await list(key.secret, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    seen.push(...res.body.data.map((o) => o.reference))
    cursor = res.body.nextCursor
  } while (cursor !== null)
  expect(seen.toSorted()).toEqual(blocked.map((o) => o.reference).toSorted())
  expect(new Set(seen).size).toBe(5)

  expect((await list(key.secret, '?q=551')).body.data.map((o) => o.reference)).toEqual(['55101'])
  const bad = await list(key.secret, '?cursor=eyJwIjpudWxsfQ')
  expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_request', fields: { cursor: [expect.any(String)] } } } })
})

test('a warehouse key cannot read address errors; a merchant key with sync:write (which includes sync:read) can', async () => {
  expect(await list((await createTestWarehouseKey()).secret)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
  expect((await list((await createTestMerchantKey({ scopes: ['sync:write'] })).secret)).status).toBe(200)
})
