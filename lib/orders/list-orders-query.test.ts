import { expect, test } from 'vitest'
import { ListOrdersQuerySchema } from '@/lib/orders/list-orders-query'

test('defaults to the first page of 25 with no filters', () => {
  expect(ListOrdersQuerySchema.parse({})).toEqual({ page: 1, pageSize: 25 })
})

test('treats blank form fields as "no filter"', () => {
  expect(ListOrdersQuerySchema.parse({ q: ' ', status: '', page: '', pageSize: '' })).toEqual({ page: 1, pageSize: 25 })
})

test('coerces numbers from the query string and trims the search', () => {
  expect(ListOrdersQuerySchema.parse({ q: ' 4012 ', status: 'PACKED', page: '3', pageSize: '50' })).toEqual({
    q: '4012',
    status: 'PACKED',
    page: 3,
    pageSize: 50,
  })
})

test.each([
  [{ q: '40-12' }, 'q'],
  [{ status: 'SHIPPED' }, 'status'],
  [{ page: '0' }, 'page'],
  [{ page: 'two' }, 'page'],
  [{ pageSize: '101' }, 'pageSize'],
  [{ pageSize: '2.5' }, 'pageSize'],
])('rejects %o naming the field %s', (input, field) => {
  const result = ListOrdersQuerySchema.safeParse(input)
  expect(result.success).toBe(false)
  expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field])
})
