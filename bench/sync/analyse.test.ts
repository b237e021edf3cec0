// The benchmark's verdicts must be right before its numbers mean anything.
import { expect, test } from 'vitest'
import { tokenId } from '@/sandbox/backmarket/redact'
import { checkExactlyOnce, idleSeconds, kindOf, maxInWindow, tokenThroughput, type LineToCheck, type LoggedRequest } from './analyse'

test('maxInWindow counts the fullest half-open window', () => {
  expect(maxInWindow([], 10)).toBe(0)
  expect(maxInWindow([0, 1, 2, 10, 11], 10)).toBe(3) // 10 falls outside [0, 10)
  expect(maxInWindow([0, 5, 9, 10, 14, 19], 10)).toBe(4) // [5, 15): 5, 9, 10, 14
})

test('idle time: the part of each gap over 100 ms past one 50 ms interval; spacing itself is not idle', () => {
  expect(idleSeconds([])).toBe(0)
  expect(idleSeconds([0, 51, 102, 153, 253])).toBe(0) // 51 ms spacing and one gap of exactly 100 ms
  expect(idleSeconds([0, 51, 351, 402, 1_402])).toBeCloseTo((300 - 50 + (1_000 - 50)) / 1_000, 9)
})

test('request kinds: the engine’s accept and read-back, the importer’s listing', () => {
  expect(kindOf({ method: 'POST', path: '/ws/orders/40000001' })).toBe('accept')
  expect(kindOf({ method: 'GET', path: '/ws/orders/40000001' })).toBe('readOrder')
  expect(kindOf({ method: 'GET', path: '/ws/orders?state=1&page-size=50' })).toBe('importList')
  expect(kindOf({ method: 'GET', path: '/ws/listings/detail?sku=A' })).toBe('other')
})

const at = (ms: number) => new Date(1_700_000_000_000 + ms).toISOString()
const req = (ms: number, status: number | null, extra: Partial<LoggedRequest> = {}): LoggedRequest => ({
  at: at(ms),
  method: 'POST',
  path: '/ws/orders/1',
  tokenId: tokenId('t'),
  status,
  body: { order_id: 1, new_state: 2, sku: 'A' },
  ...extra,
})

test('throughput of a token: requests over its busy period, as a share of 20/s', () => {
  const entries = Array.from({ length: 21 }, (_, i) => req(i * 50, 200))
  const t = tokenThroughput('t', entries, Date.parse(at(0)))
  expect(t.requests).toBe(21)
  expect(t.busySeconds).toBe(1)
  expect(t.perSecond).toBe(20)
  expect(t.ratio).toBe(1)
})

const line = (over: Partial<LineToCheck> = {}): LineToCheck => ({
  token: 't',
  reference: '1',
  sku: 'A',
  taskStatus: 'VERIFIED',
  failureKind: null,
  finalState: 2,
  ...over,
})

test('faults before the route do not count; a POST after the applied one is a duplicate whatever its answer', () => {
  const ok = checkExactlyOnce([line()], new Map([['t', [req(0, 503), req(1, 429), req(2, null), req(3, 200)]]]))
  expect(ok).toMatchObject({ appliedOnce: 1, duplicates: [], lost: [], inconsistent: [] })

  const twice = checkExactlyOnce([line()], new Map([['t', [req(0, 200), req(5, 400)]]]))
  expect(twice.duplicates).toHaveLength(1)
  expect(twice.duplicates[0]!.resentAfterApplied).toBe(1)
})

test('a line left unaccepted is lost unless its task was dead-lettered or never finished; other SKUs and orders are not mixed in', () => {
  const entries = new Map([['t', [req(0, 503), req(1, 200, { body: { new_state: 2, sku: 'B' } }), req(2, 200, { path: '/ws/orders/2' })]]])
  const lost = checkExactlyOnce([line({ finalState: 1, taskStatus: 'VERIFIED' })], entries)
  expect(lost.lost).toHaveLength(1)
  const waiting = checkExactlyOnce([line({ finalState: 1, taskStatus: 'QUEUED' })], entries)
  expect(waiting).toMatchObject({ lost: [], unfinished: [expect.objectContaining({ reference: '1' })] })
  const dead = checkExactlyOnce([line({ finalState: 1, taskStatus: 'FAILED', failureKind: 'dead' })], entries)
  expect(dead).toMatchObject({ lost: [], dead: [expect.objectContaining({ reference: '1', posts: 1, applied: 0 })] })
})
