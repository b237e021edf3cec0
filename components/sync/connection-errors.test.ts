import { expect, test } from 'vitest'
import type { ConnectionErrorView } from './connection-health-view'
import { causeOf, groupErrorsByCause, newestOfEachIssue, sortErrors } from './connection-errors'

let n = 0
function error(over: Partial<ConnectionErrorView>): ConnectionErrorView {
  n += 1
  const at = new Date(Date.UTC(2025, 4, 12, 12, 60 - n)).toISOString()
  return {
    id: `e${n}`,
    at,
    firstAt: at,
    count: 1,
    operation: 'parcel_update',
    action: 'accept',
    reference: null,
    sku: null,
    httpStatus: 404,
    message: 'not found',
    lifecycle: 'open',
    issueId: null,
    kind: 'NOT_FOUND',
    ...over,
  }
}

test('orders failing on the same missing SKU form one group, counting orders once and active issues once', () => {
  const errors = [
    error({ reference: '1001', sku: 'ABC-1', issueId: 'i1' }),
    error({ reference: '1002', sku: 'ABC-1', issueId: 'i2', lifecycle: 'retrying' }),
    error({ reference: '1001', sku: 'ABC-1', issueId: 'i1' }),
    error({ reference: '1003', sku: 'ABC-1', issueId: 'i3', lifecycle: 'resolved' }),
    error({ reference: '1004', sku: 'XYZ-9', issueId: 'i4' }),
  ]
  const groups = groupErrorsByCause(errors)
  expect(groups.map((g) => [g.key, g.cause, g.references, g.activeIssueIds, g.errorIds.length])).toEqual([
    ['sku_not_found:ABC-1', 'sku_not_found', ['1001', '1002', '1003'], ['i1', 'i2'], 4],
    ['sku_not_found:XYZ-9', 'sku_not_found', ['1004'], ['i4'], 1],
  ])
  expect(groups[0]!.latestAt).toBe(errors[0]!.at)
})

test('status errors group per update, connection and credential failures each in one group', () => {
  const groups = groupErrorsByCause([
    error({ kind: 'STATUS_ERROR', httpStatus: 400, reference: '1', sku: 'A' }),
    error({ kind: 'STATUS_ERROR', httpStatus: 400, reference: '2', sku: 'B' }),
    error({ kind: 'STATUS_ERROR', httpStatus: 400, action: 'ship', reference: '3' }),
    error({ kind: 'CONNECTION', httpStatus: 503, reference: '4' }),
    error({ kind: 'CONNECTION', httpStatus: null, operation: 'stock_update', action: 'stock', sku: 'S' }),
    error({ kind: 'CREDENTIALS', httpStatus: 401, reference: '5' }),
  ])
  expect(groups.map((g) => [g.key, g.references, g.skus])).toEqual([
    ['status_error:accept', ['1', '2'], ['A', 'B']],
    ['status_error:ship', ['3'], []],
    ['connection', ['4'], ['S']],
    ['credentials', ['5'], []],
  ])
})

test('a failure whose issue is not known is classified by its HTTP status', () => {
  const base = { kind: null, action: 'accept' as const, sku: null }
  expect(causeOf({ ...base, httpStatus: 404, sku: 'A' })).toBe('sku_not_found')
  expect(causeOf({ ...base, httpStatus: 404 })).toBe('order_not_found')
  expect(causeOf({ ...base, httpStatus: 400 })).toBe('status_error')
  expect(causeOf({ ...base, httpStatus: 400, action: 'stock' })).toBe('refused')
  expect(causeOf({ ...base, httpStatus: 403 })).toBe('credentials')
  expect(causeOf({ ...base, httpStatus: 429 })).toBe('connection')
  expect(causeOf({ ...base, httpStatus: null })).toBe('connection')
  expect(causeOf({ ...base, httpStatus: 422 })).toBe('refused')
  expect(causeOf({ kind: 'NOT_FOUND', action: 'stock', sku: 'A', httpStatus: 404 })).toBe('listing_not_found')
})

test('other refusals group by Back Market’s message', () => {
  const groups = groupErrorsByCause([
    error({ kind: 'VALIDATION', action: 'stock', operation: 'stock_update', message: 'quantity too high', sku: 'A' }),
    error({ kind: 'VALIDATION', action: 'stock', operation: 'stock_update', message: 'quantity too high', sku: 'B' }),
    error({ kind: 'VALIDATION', action: 'stock', operation: 'stock_update', message: 'listing offline', sku: 'C' }),
  ])
  expect(groups.map((g) => [g.message, g.skus])).toEqual([
    ['quantity too high', ['A', 'B']],
    ['listing offline', ['C']],
  ])
})

test('the actions go on the newest error of each issue, and on every error without one', () => {
  const errors = [
    error({ issueId: 'i1' }),
    error({ issueId: null }),
    error({ issueId: 'i1' }),
    error({ issueId: 'i2' }),
    error({ issueId: null }),
  ]
  expect([...newestOfEachIssue(errors)]).toEqual([errors[0]!.id, errors[1]!.id, errors[3]!.id, errors[4]!.id])
})

test('by urgency: open errors of the orders due soonest first, then open ones without a cut-off, then closed ones', () => {
  const errors = [
    error({ id: 'closed-urgent', reference: 'A', issueId: 'i1', lifecycle: 'resolved' }),
    error({ id: 'later', reference: 'B', issueId: 'i2' }),
    error({ id: 'stock', reference: null, issueId: 'i3', lifecycle: 'retrying', action: 'stock' }),
    error({ id: 'overdue', reference: 'C', issueId: 'i4' }),
    error({ id: 'later-older', reference: 'B', issueId: 'i2' }),
    error({ id: 'no-issue', reference: 'D', issueId: null, lifecycle: null }),
  ]
  const at: Record<string, string> = { A: '2025-05-12T09:00:00Z', B: '2025-05-14T09:00:00Z', C: '2025-05-11T09:00:00Z', D: '2025-05-13T09:00:00Z' }
  const deadlineOf = (e: ConnectionErrorView) =>
    e.reference && at[e.reference] ? { at: at[e.reference]!, kind: 'shipping' as const, assumed: false, overdue: false } : null
  expect(sortErrors(errors, 'urgency', deadlineOf).map((e) => e.id)).toEqual(['overdue', 'no-issue', 'later', 'later-older', 'stock', 'closed-urgent'])
  expect(sortErrors(errors, 'newest', deadlineOf)).toEqual(errors)
})

test('a group counts every failure its rows stand for, repeats included', () => {
  const groups = groupErrorsByCause([
    error({ kind: 'CONNECTION', httpStatus: 503, reference: '1', count: 12 }),
    error({ kind: 'CONNECTION', httpStatus: null, reference: '2' }),
  ])
  expect(groups.map((g) => [g.key, g.errorIds.length, g.failures])).toEqual([['connection', 2, 13]])
})
