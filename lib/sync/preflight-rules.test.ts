import { expect, test } from 'vitest'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { evaluateOrderPreflight, evaluateStockPreflight, type OrderFacts } from './preflight-rules'

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
  expect(v.checks.find((c) => c.name === 'sku_match')!.detail).toContain('SKU-A-V2')
})

test('a line cancelled on Back Market cannot be accepted', () => {
  const v = evaluateOrderPreflight(facts({ bm: { order: bmOrder([{ id: 10, listing: 'SKU-A', state: 4 }]) } }))
  expect(failed(v)).toEqual(['transition'])
  expect(v.canRetryHelp).toBe(false)
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
