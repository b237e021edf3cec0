import { expect, test } from 'vitest'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { evaluateOrderPreflight, evaluateStockPreflight, parseStoredPreflight, type OrderFacts } from './preflight-rules'

const bmOrder = (lines: { id: number; listing: string; state: number }[]) => ({ order_id: 1, state: 1, orderlines: lines }) as unknown as BmOrder
const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  operation: 'ACCEPT',
  bm: { order: bmOrder([{ id: 10, listing: 'SKU-A', state: 1 }]) },
  lines: [{ sku: 'SKU-A', bmOrderlineId: '10' }],
  addressErrorCount: 0,
  ...over,
})
const failed = (v: ReturnType<typeof evaluateOrderPreflight>) => v.checks.filter((c) => !c.ok).map((c) => c.name)

test('everything in order: a retry can help', () => {
  const v = evaluateOrderPreflight(facts())
  expect(v).toMatchObject({ canRetryHelp: true, alreadyApplied: false })
  expect(failed(v)).toEqual([])
})

test('a SKU renamed on our side: the check names both SKUs and no retry is offered', () => {
  const v = evaluateOrderPreflight(facts({ lines: [{ sku: 'SKU-A-V2', bmOrderlineId: '10' }] }))
  expect(v.canRetryHelp).toBe(false)
  expect(failed(v)).toEqual(['sku_match'])
  expect(v.checks.find((c) => c.name === 'sku_match')).toMatchObject({ code: 'sku_missing', params: { missing: ['SKU-A-V2'], listings: ['SKU-A'], count: 1 } })
})

test('a line cancelled on Back Market cannot be accepted', () => {
  const v = evaluateOrderPreflight(facts({ bm: { order: bmOrder([{ id: 10, listing: 'SKU-A', state: 4 }]) } }))
  expect(failed(v)).toEqual(['transition'])
  expect(v.checks.find((c) => c.name === 'transition')).toMatchObject({ code: 'transition_blocked', params: { action: 'accept', lines: [{ sku: 'SKU-A', state: 4 }] } })
  expect(v.canRetryHelp).toBe(false)
})

test('a cancellation looks only at its own line: any live state can be cancelled, a final one already is', () => {
  const order = (a: number, b: number) => ({ order: bmOrder([{ id: 10, listing: 'SKU-A', state: a }, { id: 11, listing: 'SKU-B', state: b }]) })
  const lines = [{ sku: 'SKU-A', bmOrderlineId: '10' }, { sku: 'SKU-B', bmOrderlineId: '11' }]
  const cancel = (bm: OrderFacts['bm']) => evaluateOrderPreflight(facts({ operation: 'CANCEL', sku: 'SKU-A', lines, bm }))
  for (const state of [1, 2, 3]) expect(cancel(order(state, 0))).toMatchObject({ canRetryHelp: true, alreadyApplied: false })
  expect(cancel(order(5, 1))).toMatchObject({ canRetryHelp: true, alreadyApplied: true })
  const unpaid = cancel(order(7, 1))
  expect(unpaid.checks.find((c) => c.name === 'transition')).toMatchObject({ code: 'transition_blocked', params: { action: 'cancel', lines: [{ sku: 'SKU-A', state: 7 }] } })
})

test('shipping needs every line accepted first', () => {
  expect(failed(evaluateOrderPreflight(facts({ operation: 'SHIP' })))).toEqual(['transition'])
  const ok = evaluateOrderPreflight(facts({ operation: 'SHIP', bm: { order: bmOrder([{ id: 10, listing: 'SKU-A', state: 2 }]) } }))
  expect(ok.canRetryHelp).toBe(true)
})

test('already accepted (by hand) is reported as already applied', () => {
  const v = evaluateOrderPreflight(facts({ bm: { order: bmOrder([{ id: 10, listing: 'SKU-A', state: 2 }]) } }))
  expect(v).toMatchObject({ alreadyApplied: true, canRetryHelp: true })
})

test('an address with errors blocks acceptance', () => {
  expect(failed(evaluateOrderPreflight(facts({ addressErrorCount: 2 })))).toEqual(['address'])
})

test('a refused token or an unknown order says so; an unreachable Back Market still allows a retry', () => {
  expect(failed(evaluateOrderPreflight(facts({ bm: { error: 'unauthorized' } })))).toEqual(['token'])
  expect(failed(evaluateOrderPreflight(facts({ bm: { error: 'not_found' } })))).toEqual(['order_found'])
  const down = evaluateOrderPreflight(facts({ bm: { error: 'unreachable' } }))
  expect(down).toMatchObject({ canRetryHelp: true })
  expect(failed(down)).toEqual(['reachable'])
})

test('stock: a SKU without a Back Market listing cannot be pushed', () => {
  expect(evaluateStockPreflight({ sku: 'X', bm: { error: 'not_found' } })).toMatchObject({ canRetryHelp: false })
  expect(evaluateStockPreflight({ sku: 'X', bm: { found: true, quantity: 3 } })).toMatchObject({ canRetryHelp: true })
})

test('a verdict carries codes and facts, no sentence, and reads back as stored', () => {
  const v = evaluateOrderPreflight(facts({ addressErrorCount: 2 }))
  expect(v.checks.every((c) => c.code && c.detail === undefined)).toBe(true)
  expect(v.checks.find((c) => c.name === 'address')).toMatchObject({ code: 'address_errors', params: { count: 2 } })
  expect(parseStoredPreflight(JSON.parse(JSON.stringify(v)))).toEqual(v)
})

test('a verdict stored before codes still reads, with its English detail; an unreadable one is null', () => {
  const legacy = { canRetryHelp: false, alreadyApplied: false, checkedAt: '2026-01-01T00:00:00.000Z', checks: [{ name: 'transition', ok: false, detail: 'Back Market has A (Cancelled (4))' }] }
  expect(parseStoredPreflight(legacy)).toEqual(legacy)
  expect(parseStoredPreflight({ checks: 'x' })).toBeNull()
  expect(parseStoredPreflight(null)).toBeNull()
  // An unknown code from a later version degrades to its text rather than failing the whole verdict.
  expect(parseStoredPreflight({ ...legacy, checks: [{ name: 'token', ok: true, code: 'future_code', detail: 't' }] })?.checks[0]).toEqual({ name: 'token', ok: true, detail: 't' })
})
