import { expect, test } from 'vitest'
import { BackMarketError, type BackMarketErrorKind } from '@/lib/backmarket/errors'
import { z } from 'zod'
import { BACKOFF_BASE_MS, backoffMs, classifyFailure, classifyInternalFailure, decideAfterFailure, MESSAGES, RETRY_BUDGET } from './retry-policy'
import { SyncDataError } from './sync-data-error'

const err = (kind: BackMarketErrorKind, init: ConstructorParameters<typeof BackMarketError>[2] = {}) => new BackMarketError(kind, kind, init)
const now = new Date('2026-11-26T10:00:00Z')

test('404 is a permanent "not found" with Cubyn’s message', () => {
  expect(classifyFailure(err('not_found', { status: 404 }), 'ACCEPT')).toEqual({ transient: false, issueKind: 'NOT_FOUND', message: MESSAGES.notFound, text: { code: 'bm_not_found', params: {} } })
})

test('a stock update Back Market refuses keeps its words as a parameter, for the UI to label as Back Market’s', () => {
  const refused = classifyFailure(new BackMarketError('validation', 'quantity must be positive', { status: 400 }), 'STOCK')
  expect(refused).toMatchObject({ issueKind: 'VALIDATION', text: { code: 'bm_stock_refused', params: { bmMessage: 'quantity must be positive' } } })
})

test('a refused transition, or any 400 on an order update, is an order status error', () => {
  expect(classifyFailure(err('invalid_transition', { status: 400 }), 'SHIP').issueKind).toBe('STATUS_ERROR')
  expect(classifyFailure(err('validation', { status: 400 }), 'ACCEPT').issueKind).toBe('STATUS_ERROR')
  expect(classifyFailure(err('validation', { status: 400 }), 'STOCK').issueKind).toBe('VALIDATION')
})

test('401 and a JSON 403 are credentials, never retried; an HTML 403 (firewall) is retried', () => {
  expect(classifyFailure(err('unauthorized', { status: 401 }), 'STOCK')).toMatchObject({ transient: false, issueKind: 'CREDENTIALS' })
  expect(classifyFailure(err('forbidden', { status: 403 }), 'STOCK')).toMatchObject({ transient: false, issueKind: 'CREDENTIALS' })
  expect(classifyFailure(err('forbidden', { status: 403, html: true }), 'STOCK')).toMatchObject({ transient: true, issueKind: 'CONNECTION' })
})

test('5xx, 429, timeouts, network errors and unreadable answers are transient', () => {
  for (const kind of ['server', 'rate_limited', 'timeout', 'network', 'bad_response'] as const) {
    expect(classifyFailure(err(kind), 'ACCEPT')).toMatchObject({ transient: true, issueKind: 'CONNECTION' })
  }
})

test('backoff doubles per attempt, stays within its jitter band, and is capped', () => {
  expect(backoffMs(1, undefined, () => 0)).toBe(1_000)
  expect(backoffMs(1, undefined, () => 1)).toBe(2_000)
  expect(backoffMs(3, undefined, () => 0)).toBe(4_000)
  expect(backoffMs(3, undefined, () => 1)).toBe(8_000)
  expect(backoffMs(30, undefined, () => 1)).toBe(5 * 60_000)
  const samples = new Set(Array.from({ length: 20 }, () => backoffMs(4, undefined)))
  expect(samples.size).toBeGreaterThan(1) // jitter spreads workers apart
})

test('a 429 waits at least Retry-After, and at least Back Market’s 10 s block without one', () => {
  expect(backoffMs(1, err('rate_limited', { retryAfterMs: 30_000 }), () => 0)).toBe(30_000)
  expect(backoffMs(1, err('rate_limited'), () => 0)).toBe(10_000)
  expect(backoffMs(1, err('server', { retryAfterMs: 7_000 }), () => 0)).toBe(7_000)
})

test('transient failures are retried until the budget, then dead-lettered', () => {
  const first = decideAfterFailure({ attempt: 1, err: err('server', { status: 503 }), operation: 'SHIP', now, random: () => 0 })
  expect(first).toEqual({ action: 'retry', at: new Date(now.getTime() + 1_000), failure: expect.objectContaining({ transient: true }) })
  const last = decideAfterFailure({ attempt: RETRY_BUDGET, err: err('timeout'), operation: 'SHIP', now })
  expect(last).toMatchObject({ action: 'fail', dead: true, failure: { message: MESSAGES.gaveUp } })
})

test('permanent failures are never retried', () => {
  expect(decideAfterFailure({ attempt: 1, err: err('not_found'), operation: 'ACCEPT', now })).toMatchObject({ action: 'fail', dead: false })
})

test('our own failures: data our checks refuse is permanent and names the field; anything else is retried, then dead', () => {
  const zod = z.object({ trackingNumber: z.string().min(1) }).safeParse({ trackingNumber: '' }).error!
  expect(decideAfterFailure({ attempt: 1, err: zod, operation: 'SHIP', now })).toEqual({
    action: 'fail',
    dead: false,
    failure: expect.objectContaining({ transient: false, issueKind: 'INTERNAL', text: { code: 'invalid_task_data', params: { fields: 'trackingNumber' } } }),
  })
  const data = new SyncDataError('task_without_order', 'no order')
  expect(classifyInternalFailure(data)).toMatchObject({ transient: false, issueKind: 'INTERNAL', message: 'no order', text: { code: 'task_without_order' } })

  const hiccup = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' })
  const retry = decideAfterFailure({ attempt: 1, err: hiccup, operation: 'ACCEPT', now, random: () => 0 })
  expect(retry).toMatchObject({ action: 'retry', failure: { transient: true, issueKind: 'INTERNAL', text: { code: 'internal_retrying' } } })
  expect(retry.action === 'retry' && retry.at.getTime() - now.getTime()).toBe(BACKOFF_BASE_MS / 2)
  expect(decideAfterFailure({ attempt: RETRY_BUDGET, err: hiccup, operation: 'ACCEPT', now })).toMatchObject({
    action: 'fail',
    dead: true,
    failure: { issueKind: 'INTERNAL', text: { code: 'internal_gave_up', params: { attempts: RETRY_BUDGET } } },
  })
})

test('a JSON 403 bot challenge, or a 403 naming the User-Agent, is the firewall: retried like the HTML page', () => {
  expect(classifyFailure(err('forbidden', { status: 403, bmCode: 'bot-need-challenge' }), 'ACCEPT')).toMatchObject({ transient: true, issueKind: 'CONNECTION' })
  expect(classifyFailure(err('forbidden', { status: 403, target: 'User-Agent' }), 'SHIP')).toMatchObject({ transient: true, issueKind: 'CONNECTION' })
})
