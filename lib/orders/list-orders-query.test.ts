import { expect, test } from 'vitest'
import { ListOrdersQuerySchema, ordersListHref, parseListOrdersSearchParams } from '@/lib/orders/list-orders-query'

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

test('page search params: a repeated key keeps its first value', () => {
  const result = parseListOrdersSearchParams({ q: ['401', '402'], page: '2' })
  expect(result.success && result.data).toEqual({ q: '401', page: 2, pageSize: 25 })
})

test('list URLs leave defaults out and keep filters', () => {
  expect(ordersListHref({})).toBe('/orders')
  expect(ordersListHref({ q: '401', status: 'PACKED', page: 1, pageSize: 25 })).toBe('/orders?q=401&status=PACKED')
  expect(ordersListHref({ q: '401', page: 3, pageSize: 50 })).toBe('/orders?q=401&page=3&pageSize=50')
})
