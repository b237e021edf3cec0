import { expect, test } from 'vitest'
import { GET } from '@/app/api/v1/orders/route'
import { encodeCursor } from '@/lib/api-v1/cursor'
import { listOrdersOperation } from '@/lib/api-v1/operations/orders'
import type { CursorPage } from '@/lib/api-v1/cursor'
import type { OrderSummaryV1 } from '@/lib/api-v1/schemas/order'
import { db } from '@/lib/db'
import { createTestSyncTask } from '@/lib/sync/testing/sync-factories'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { createTestMerchant, createTestOrder, uniqueDigits } from '@/test/factories'

type Page = CursorPage<OrderSummaryV1>
const list = (key: string, query = '') => callV1<Page>(GET, `/orders${query}`, { key })

test("lists the key's merchant's orders with their Back Market state and the newest sync of each operation", async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const order = await createTestOrder({
    merchantId: key.merchantId,
    status: 'IN_TRANSIT',
    bmState: 3,
    lines: [{ bmOrderlineId: 9007199254740993n, sku: 'IPH13-BLK', bmState: 3 }],
  })
  const { task: oldAccept } = await createTestSyncTask({ merchantId: key.merchantId, operation: 'ACCEPT', order, status: 'FAILED' })
  await db.syncTask.update({ where: { id: oldAccept.id }, data: { createdAt: new Date(Date.now() - 60_000), failureKind: 'dead', failureMessage: 'gave up' } })
  const { task: accept } = await createTestSyncTask({ merchantId: key.merchantId, operation: 'ACCEPT', order, status: 'VERIFIED' })
  const { task: ship } = await createTestSyncTask({ merchantId: key.merchantId, operation: 'SHIP', order, status: 'FAILED' })
  await db.syncTask.update({ where: { id: ship.id }, data: { failureKind: 'permanent', failureMessage: 'Back Market refused it', failureCode: 'bm_refused', failureParams: { status: 400 } } })

  const res = await list(key.secret)
  expect(res.status).toBe(200)
  // The operation's own response schema holds the real answer.
  expect(listOrdersOperation.responses[200].schema.safeParse(res.body).error).toBeUndefined()
  expect(res.body.nextCursor).toBeNull()
  expect(res.body.data).toEqual([
    expect.objectContaining({
      reference: order.reference,
      status: 'IN_TRANSIT',
      bmState: 3,
      bmSeenAt: order.bmSeenAt.toISOString(),
      lines: [expect.objectContaining({ bmOrderlineId: '9007199254740993', sku: 'IPH13-BLK', bmState: 3 })],
      sync: [
        expect.objectContaining({ id: accept.id, operation: 'ACCEPT', status: 'verified', failure: null }),
        expect.objectContaining({
          id: ship.id,
          operation: 'SHIP',
          status: 'failed',
          failure: { kind: 'permanent', message: 'Back Market refused it', code: 'bm_refused', params: { status: 400 } },
        }),
      ],
    }),
  ])
})

test('a cursor walk over more orders than a page sees each once, newest first, and never another merchant\'s', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const other = await createTestMerchant()
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12))
  // Two orders share a date (the reference orders them); four have none: they lead, as in the
  // index, and the first page ends among them.
  const dates = [day(3), day(5), day(5), null, day(1), null, day(4), null, day(2), null]
  const orders = []
  for (const placedAt of dates) {
    orders.push(await createTestOrder({ merchantId: key.merchantId, placedAt }))
    await createTestOrder({ merchantId: other.id, placedAt })
  }
  const seen: string[] = []
  const arrived: typeof orders = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res: Awaited<ReturnType<typeof list>> = await list(key.secret, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    seen.push(...res.body.data.map((o) => o.reference))
    cursor = res.body.nextCursor
    if (pages === 0) {
      // Orders arriving mid-walk: one sorts before the cursor (never seen, nothing shifts), one
      // after it (seen once, in its place).
      await createTestOrder({ merchantId: key.merchantId, placedAt: null, reference: `1${uniqueDigits(11)}` })
      arrived.push(await createTestOrder({ merchantId: key.merchantId, placedAt: new Date() }))
    }
    pages += 1
  } while (cursor !== null)
  const rank = (o: { placedAt: Date | null }) => (o.placedAt === null ? Infinity : o.placedAt.getTime())
  const expected = [...orders, ...arrived].sort((a, b) => rank(b) - rank(a) || (a.reference < b.reference ? -1 : 1)).map((o) => o.reference)
  expect(pages).toBe(4)
  expect(seen).toEqual(expected)
})

test('filters by status and by the start of the reference, like the dashboard', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  const packed = await createTestOrder({ merchantId: key.merchantId, status: 'PACKED', reference: '7700123' })
  await createTestOrder({ merchantId: key.merchantId, status: 'CREATED', reference: '7700124' })
  await createTestOrder({ merchantId: key.merchantId, status: 'PACKED', reference: '7800125' })
  const refs = async (query: string) => (await list(key.secret, query)).body.data.map((o) => o.reference).sort()
  expect(await refs('?status=PACKED&q=770')).toEqual([packed.reference])
  expect(await refs('?q=770')).toEqual(['7700123', '7700124'])
  expect(await refs('?status=&q=')).toEqual(['7700123', '7700124', '7800125'])
})

test('a tampered cursor, a bad limit or a bad filter is a 400 naming the field', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:read'] })
  for (const [query, field] of [
    ['?cursor=not-a-cursor', 'cursor'],
    [`?cursor=${encodeCursor({ p: 'yesterday', r: '1' })}`, 'cursor'],
    // A date PostgreSQL cannot hold was a 500 (the query failed), not a refused cursor.
    [`?cursor=${encodeCursor({ p: '0000-01-01T00:00:00.000Z', r: '1' })}`, 'cursor'],
    ['?limit=101', 'limit'],
    ['?status=LOST', 'status'],
    ['?q=12ab', 'q'],
  ]) {
    const res = await list(key.secret, query)
    expect(res.status, query).toBe(400)
    expect(Object.keys((res.body as unknown as { error: { fields: object } }).error.fields)).toEqual([field])
  }
})

test('needs a merchant key with sync:read, which sync:write includes: a warehouse key is a 403, none a 401', async () => {
  const writeOnly = await createTestMerchantKey({ scopes: ['sync:write'] })
  expect((await list(writeOnly.secret)).status).toBe(200)
  const warehouse = await createTestWarehouseKey()
  const res = await list(warehouse.secret)
  expect(res.status).toBe(403)
  expect(res.body).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('sync:read') } })
  expect((await callV1(GET, '/orders')).status).toBe(401)
})
