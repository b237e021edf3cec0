import { expect, test } from 'vitest'
import {
  compareWithBackMarket,
  type BackMarketOrderForComparison,
  type OurOrderForComparison,
} from '@/lib/orders/compare-with-backmarket'

function ours(overrides: Partial<OurOrderForComparison> = {}): OurOrderForComparison {
  return {
    bmState: 3,
    lines: [
      { bmOrderlineId: '501', sku: 'IPH13-128-BLK-A', listing: 'IPH13-128-BLK-A', quantity: 1, bmState: 2, productTitle: 'iPhone 13' },
      { bmOrderlineId: '502', sku: 'CASE-13', listing: 'CASE-13', quantity: 2, bmState: 2, productTitle: 'Case' },
    ],
    ...overrides,
  }
}

function theirs(overrides: Partial<BackMarketOrderForComparison> = {}): BackMarketOrderForComparison {
  return {
    state: 3,
    orderlines: [
      { id: 501, listing: 'IPH13-128-BLK-A', state: 2, quantity: 1, product: 'iPhone 13' },
      { id: 502, listing: 'CASE-13', state: 2, quantity: 2, product: 'Case' },
    ],
    ...overrides,
  }
}

test('identical orders have no differences (numeric Back Market ids match our string ids)', () => {
  const result = compareWithBackMarket(ours(), theirs())
  expect(result.differenceCount).toBe(0)
  expect(result.orderState).toEqual({ ours: 3, backMarket: 3, differs: false })
  expect(result.lines.map((l) => [l.orderlineId, l.differences])).toEqual([
    ['501', []],
    ['502', []],
  ])
})

test('flags an order state that moved on Back Market', () => {
  const result = compareWithBackMarket(ours(), theirs({ state: 9 }))
  expect(result.orderState).toEqual({ ours: 3, backMarket: 9, differs: true })
  expect(result.differenceCount).toBe(1)
})

test('flags a line state and a quantity that differ', () => {
  const bm = theirs()
  const result = compareWithBackMarket(ours(), {
    ...bm,
    orderlines: [{ ...bm.orderlines[0]!, state: 4 }, { ...bm.orderlines[1]!, quantity: 1 }],
  })
  expect(result.lines.map((l) => l.differences)).toEqual([['state'], ['quantity']])
  expect(result.differenceCount).toBe(2)
})

test('our SKU renamed in the warehouse no longer matches Back Market listing', () => {
  const o = ours()
  const result = compareWithBackMarket({ ...o, lines: [{ ...o.lines[0]!, sku: 'IPH13-128-BLACK' }, o.lines[1]!] }, theirs())
  expect(result.lines[0]?.differences).toEqual(['sku'])
  expect(result.lines[0]?.ours?.sku).toBe('IPH13-128-BLACK')
  expect(result.lines[0]?.backMarket?.listing).toBe('IPH13-128-BLK-A')
})

test('a listing renamed on Back Market differs from both our SKU and our recorded listing', () => {
  const bm = theirs()
  const result = compareWithBackMarket(ours(), { ...bm, orderlines: [{ ...bm.orderlines[0]!, listing: 'IPH13-NEW' }, bm.orderlines[1]!] })
  expect(result.lines[0]?.differences).toEqual(['sku', 'listing'])
})

test('lines missing on either side are reported, ours first then Back Market-only ones', () => {
  const o = ours()
  const result = compareWithBackMarket(
    { ...o, lines: [o.lines[0]!, { ...o.lines[1]!, bmOrderlineId: '999' }] },
    theirs(),
  )
  expect(result.lines.map((l) => [l.orderlineId, l.differences])).toEqual([
    ['501', []],
    ['999', ['missing_on_backmarket']],
    ['502', ['missing_on_ours']],
  ])
  expect(result.lines[1]?.backMarket).toBeNull()
  expect(result.lines[2]?.ours).toBeNull()
  expect(result.lines[2]?.productTitle).toBe('Case')
  expect(result.differenceCount).toBe(2)
})
