// The guard's rules: what a mapping fixes, breaks and collides with, and when it must be confirmed.
import { expect, test } from 'vitest'
import { evaluateSkuMappingImpact, type ImpactFacts } from './sku-mapping-rules'

function facts(over: Partial<ImpactFacts> = {}): ImpactFacts {
  return {
    ourSku: 'IPH13-V2',
    bmSku: 'IPH13',
    openLinesWithOurSku: [],
    openOrdersUsingBmSku: [],
    product: { exists: true, bmListingId: null },
    productsNamedBmSku: [],
    currentMapping: null,
    otherSkusMappedToBmSku: [],
    ourSkuOnAnyOrder: true,
    ...over,
  }
}
const codes = (f: ImpactFacts) => evaluateSkuMappingImpact(f).warnings.map((w) => w.code)

test('a plain fix: every open line of our SKU is sold as bmSku on Back Market — nothing to confirm', () => {
  const impact = evaluateSkuMappingImpact(
    facts({ openLinesWithOurSku: [{ reference: '1', listing: 'IPH13' }, { reference: '2', listing: 'IPH13' }], openOrdersUsingBmSku: ['1', '2', '3'] }),
  )
  expect(impact).toMatchObject({ warnings: [], needsConfirmation: false, counts: { openOrdersWithOurSku: 2, fixed: 2, wouldBreak: 0, stillDiffer: 0, openOrdersUsingBmSku: 3 } })
})

test('open orders that Back Market still sells under what we send today would break: a warning naming them', () => {
  const lines = ['1', '2', '3', '4', '5', '6', '6'].map((reference) => ({ reference, listing: 'IPH13-V2' }))
  const impact = evaluateSkuMappingImpact(facts({ openLinesWithOurSku: [...lines, { reference: '7', listing: 'IPH13' }] }))
  expect(impact.needsConfirmation).toBe(true)
  expect(impact.counts).toMatchObject({ fixed: 1, wouldBreak: 6, openOrdersWithOurSku: 7 })
  expect(impact.warnings).toEqual([{ code: 'open_orders_would_break', severity: 'warning', params: { count: 6, references: '1, 2, 3, 4, 5', listing: 'IPH13-V2' } }])
})

test('with a mapping already there, "what we send today" is the mapping, and replacing it is a warning', () => {
  const impact = evaluateSkuMappingImpact(
    facts({ currentMapping: { bmSku: 'IPH13-OLD' }, openLinesWithOurSku: [{ reference: '1', listing: 'IPH13-OLD' }, { reference: '2', listing: 'IPH13-V2' }] }),
  )
  expect(impact.warnings.map((w) => [w.code, w.severity, w.params])).toEqual([
    ['replaces_mapping', 'warning', { current: 'IPH13-OLD' }],
    ['open_orders_would_break', 'warning', { count: 1, references: '1', listing: 'IPH13-OLD' }],
    ['open_orders_still_differ', 'note', { count: 1, references: '2' }],
  ])
  expect(impact.counts).toMatchObject({ wouldBreak: 1, stillDiffer: 1, fixed: 0 })
})

test('lines sold under a third SKU differ before and after: only a note', () => {
  const impact = evaluateSkuMappingImpact(facts({ openLinesWithOurSku: [{ reference: '9', listing: 'SOMETHING-ELSE' }] }))
  expect(impact.needsConfirmation).toBe(false)
  expect(impact.warnings).toEqual([{ code: 'open_orders_still_differ', severity: 'note', params: { count: 1, references: '9' } }])
})

test('saving the same mapping again is only a note (it re-syncs)', () => {
  const impact = evaluateSkuMappingImpact(facts({ currentMapping: { bmSku: 'IPH13' }, openLinesWithOurSku: [{ reference: '1', listing: 'IPH13' }] }))
  expect(impact.warnings.map((w) => w.code)).toEqual(['same_mapping'])
  expect(impact.needsConfirmation).toBe(false)
  expect(impact.counts.fixed).toBe(1)
})

test('another of our SKUs already mapped to the same Back Market SKU, or a product of ours named like it: both warnings', () => {
  expect(codes(facts({ otherSkusMappedToBmSku: ['IPH13-V3'] }))).toEqual(['bm_sku_already_mapped'])
  expect(codes(facts({ productsNamedBmSku: ['iph13'] }))).toEqual(['bm_sku_is_our_product'])
  expect(evaluateSkuMappingImpact(facts({ otherSkusMappedToBmSku: ['A', 'B'] })).warnings[0]?.params).toEqual({ skus: 'A, B', count: 2 })
})

test('a SKU we have never had (no product, no order line) is probably a typo: a warning', () => {
  expect(codes(facts({ product: { exists: false, bmListingId: null }, ourSkuOnAnyOrder: false }))).toEqual(['our_sku_unknown'])
  expect(codes(facts({ product: { exists: false, bmListingId: null }, ourSkuOnAnyOrder: true }))).toEqual([])
  expect(codes(facts({ product: { exists: true, bmListingId: null }, ourSkuOnAnyOrder: false }))).toEqual([])
})

test('a case-only difference and a cached listing id are notes', () => {
  const impact = evaluateSkuMappingImpact(facts({ ourSku: 'iph13', bmSku: 'IPH13', product: { exists: true, bmListingId: 'b2c1' } }))
  expect(impact.warnings).toEqual([
    { code: 'case_only', severity: 'note', params: {} },
    { code: 'cached_listing', severity: 'note', params: { listingId: 'b2c1' } },
  ])
  expect(impact.needsConfirmation).toBe(false)
})

test('order lines match exactly: a line sold as "iph13" is not fixed by a mapping to "IPH13"', () => {
  const impact = evaluateSkuMappingImpact(facts({ openLinesWithOurSku: [{ reference: '1', listing: 'iph13' }] }))
  expect(impact.counts).toMatchObject({ fixed: 0, stillDiffer: 1 })
})
