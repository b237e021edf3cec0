import { expect, test } from 'vitest'
import { z } from 'zod'
import { cursorQuery, decodeCursor, DEFAULT_PAGE_LIMIT, encodeCursor, MAX_PAGE_LIMIT, toCursorPage } from '@/lib/api-v1/cursor'
import { OrderPositionCursor, orderPositionCursor } from '@/lib/api-v1/schemas/order-position-cursor'

const Key = z.object({ n: z.int(), r: z.string() }).strict()
const Query = z.object(cursorQuery(Key))

test('a cursor decodes back to the key it was made from, and is URL-safe', () => {
  const cursor = encodeCursor({ n: 41, r: 'é/+?' })
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
  expect(decodeCursor(Key, cursor)).toEqual({ n: 41, r: 'é/+?' })
})

test.each([
  ['not base64url', 'abc$def'],
  ['base64url of no JSON', Buffer.from('{n:1').toString('base64url')],
  ['JSON of another shape', encodeCursor({ n: 'one', r: 'x' })],
  ['JSON with a key added', encodeCursor({ n: 1, r: 'x', admin: true })],
  ['far too long', 'A'.repeat(513)],
])('%s is not a cursor of the list', (_, raw) => {
  expect(decodeCursor(Key, raw)).toBeNull()
})

test('the query hands the decoded key on, and a tampered cursor is an issue on `cursor`', () => {
  expect(Query.parse({ cursor: encodeCursor({ n: 2, r: 'b' }), limit: '10' })).toEqual({ cursor: { n: 2, r: 'b' }, limit: 10 })
  const tampered = Query.safeParse({ cursor: encodeCursor({ n: 2, r: 'b' }).slice(0, -3) })
  expect(tampered.success).toBe(false)
  expect(tampered.error?.issues.map((i) => i.path)).toEqual([['cursor']])
})

test('limit defaults to 50, stays within 1..100, and blank means not given', () => {
  expect(Query.parse({})).toEqual({ limit: DEFAULT_PAGE_LIMIT })
  expect(Query.parse({ cursor: '', limit: '' })).toEqual({ limit: DEFAULT_PAGE_LIMIT })
  expect(Query.parse({ limit: String(MAX_PAGE_LIMIT) }).limit).toBe(MAX_PAGE_LIMIT)
  for (const limit of ['0', '101', '2.5', 'ten']) {
    expect(Query.safeParse({ limit }).error?.issues.map((i) => i.path)).toEqual([['limit']])
  }
})

test('a page shows `limit` rows; the extra row read only says that more follow', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ n, r: String(n) }))
  const page = toCursorPage(rows, 3, (row) => row)
  expect(page.data).toEqual(rows.slice(0, 3))
  expect(decodeCursor(Key, page.nextCursor!)).toEqual({ n: 3, r: '3' })
  expect(toCursorPage(rows.slice(0, 3), 3, (row) => row)).toEqual({ data: rows.slice(0, 3), nextCursor: null })
  expect(toCursorPage([], 3, (row) => row)).toEqual({ data: [], nextCursor: null })
})

test('an order position survives the cursor, an order without a date included', () => {
  for (const position of [{ placedAt: new Date('2026-12-01T10:00:00.123Z'), reference: '4012' }, { placedAt: null, reference: '9' }]) {
    expect(decodeCursor(OrderPositionCursor, encodeCursor(orderPositionCursor(position)))).toEqual(position)
  }
  expect(decodeCursor(OrderPositionCursor, encodeCursor({ p: null, r: "4012' OR 1=1" }))).toBeNull()
})
