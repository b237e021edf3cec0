import { expect, test } from 'vitest'
import { orderDeadlines } from '@/lib/orders/deadlines'
import { compareByImpact, connectionStateOf, type ImpactFacts } from './overview-rules'

const now = new Date('2026-12-06T10:00:00Z')
const hoursFromNow = (h: number) => orderDeadlines({ placedAt: now, paidAt: null, expectedDispatchAt: new Date(now.getTime() + h * 3_600_000), shippingDelaysHours: [], awaitingAcceptance: false }, now)

function facts(name: string, over: Partial<ImpactFacts> = {}): ImpactFacts {
  return { id: name, name, connection: 'ok', openIssues: 0, blockedOrders: 0, oldestFailureAt: null, deadline: null, ...over }
}

test('connection state: no token is not connected whatever else is set; a refused token outranks degraded', () => {
  const at = new Date()
  expect(connectionStateOf({ connected: false, tokenRefusedAt: at, degradedAt: at })).toBe('not_connected')
  expect(connectionStateOf({ connected: true, tokenRefusedAt: at, degradedAt: at })).toBe('token_refused')
  expect(connectionStateOf({ connected: true, tokenRefusedAt: null, degradedAt: at })).toBe('degraded')
  expect(connectionStateOf({ connected: true, tokenRefusedAt: null, degradedAt: null })).toBe('ok')
})

test('impact: a stopped connection first, then not connected, then most problems, oldest failure, nearest cut-off, then name', () => {
  const merchants = [
    facts('Zeta quiet'),
    facts('Alpha quiet'),
    facts('Late soon', { deadline: hoursFromNow(2) }),
    facts('Late overdue', { deadline: hoursFromNow(-5) }),
    facts('Two issues, newer', { openIssues: 2, oldestFailureAt: new Date('2026-12-05T00:00:00Z') }),
    facts('Two problems, older', { openIssues: 1, blockedOrders: 1, oldestFailureAt: new Date('2026-12-01T00:00:00Z') }),
    facts('Many blocked', { blockedOrders: 9 }),
    facts('Degraded', { connection: 'degraded', openIssues: 1 }),
    facts('Refused', { connection: 'token_refused' }),
    facts('Not connected', { connection: 'not_connected' }),
  ]
  expect(merchants.sort(compareByImpact).map((m) => m.name)).toEqual([
    'Refused',
    'Degraded',
    'Not connected',
    'Many blocked',
    'Two problems, older',
    'Two issues, newer',
    'Late overdue',
    'Late soon',
    'Alpha quiet',
    'Zeta quiet',
  ])
})

test('impact: merchants alike in every figure and name are ordered by id, whatever order they came in', () => {
  const same = (id: string) => ({ ...facts('Twin'), id })
  expect([same('c'), same('a'), same('b')].sort(compareByImpact).map((m) => m.id)).toEqual(['a', 'b', 'c'])
  expect([same('b'), same('c'), same('a')].sort(compareByImpact).map((m) => m.id)).toEqual(['a', 'b', 'c'])
})
