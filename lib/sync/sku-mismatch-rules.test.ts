// Our SKU against Back Market's per order line, and the mapping we suggest.
import { expect, test } from 'vitest'
import { compareOrderSkus, firstSuggestion, stockSuggestionCandidate, type OurLineForSkus } from './sku-mismatch-rules'

const line = (over: Partial<OurLineForSkus> = {}): OurLineForSkus => ({ bmOrderlineId: '11', sku: 'A', listing: 'A', productTitle: 'iPhone', ...over })
const none = new Map<string, string>()

test('a line matching Back Market live: no difference, no suggestion', () => {
  const [l] = compareOrderSkus({ ours: [line()], live: [{ id: '11', listing: 'A', state: 1 }], mappings: none })
  expect(l).toMatchObject({ ourSku: 'A', sentSku: 'A', liveListing: 'A', liveState: 1, differs: false, renamedOnBackMarket: false, suggestedBmSku: null })
})

test('renamed on Back Market after import: differs, and the suggestion is the listing on the same orderline id', () => {
  const lines = compareOrderSkus({
    ours: [line({ bmOrderlineId: '11' }), line({ bmOrderlineId: '12', sku: 'B', listing: 'B' })],
    live: [{ id: '12', listing: 'B', state: 1 }, { id: '11', listing: 'A-NEW', state: 1 }],
    mappings: none,
  })
  expect(lines[0]).toMatchObject({ listingOnOrder: 'A', liveListing: 'A-NEW', differs: true, renamedOnBackMarket: true, suggestedBmSku: 'A-NEW' })
  expect(lines[1]).toMatchObject({ differs: false, suggestedBmSku: null })
  expect(firstSuggestion(lines)).toEqual({ ourSku: 'A', bmSku: 'A-NEW' })
})

test('renamed on our side: what we recorded already differs; without a live read the record decides', () => {
  const [l] = compareOrderSkus({ ours: [line({ sku: 'A-V2', listing: 'A' })], live: null, mappings: none })
  expect(l).toMatchObject({ sentSku: 'A-V2', liveListing: null, missingOnBackMarket: false, differs: true, suggestedBmSku: 'A' })
})

test('a mapping makes what we send match: no difference', () => {
  const [l] = compareOrderSkus({ ours: [line({ sku: 'A-V2', listing: 'A' })], live: [{ id: '11', listing: 'A', state: 1 }], mappings: new Map([['A-V2', 'A']]) })
  expect(l).toMatchObject({ mappedTo: 'A', sentSku: 'A', differs: false, suggestedBmSku: null, mappingBreaksIt: false })
})

test('a mapping that no longer fits is replaced; one that breaks a matching line is to be removed', () => {
  const stale = compareOrderSkus({ ours: [line({ sku: 'A-V2' })], live: [{ id: '11', listing: 'A-V3', state: 1 }], mappings: new Map([['A-V2', 'A']]) })
  expect(stale[0]).toMatchObject({ sentSku: 'A', differs: true, suggestedBmSku: 'A-V3', mappingBreaksIt: false })
  const breaks = compareOrderSkus({ ours: [line()], live: [{ id: '11', listing: 'A', state: 1 }], mappings: new Map([['A', 'Z']]) })
  expect(breaks[0]).toMatchObject({ sentSku: 'Z', differs: true, suggestedBmSku: null, mappingBreaksIt: true })
  expect(firstSuggestion(breaks)).toBeNull()
})

test('a line Back Market no longer has: differs, nothing to map', () => {
  const [l] = compareOrderSkus({ ours: [line()], live: [{ id: '99', listing: 'X', state: 1 }], mappings: none })
  expect(l).toMatchObject({ missingOnBackMarket: true, differs: true, suggestedBmSku: null })
})

test('letter case counts on an order line', () => {
  const [l] = compareOrderSkus({ ours: [line({ sku: 'a' })], live: [{ id: '11', listing: 'A', state: 1 }], mappings: none })
  expect(l).toMatchObject({ differs: true, suggestedBmSku: 'A' })
})

test('stock: a suggestion only when our orders name exactly one other listing, case aside', () => {
  expect(stockSuggestionCandidate('A-V2', ['A', 'A-V2', 'A'])).toBe('A')
  expect(stockSuggestionCandidate('A-V2', ['A', 'B'])).toBeNull()
  expect(stockSuggestionCandidate('A-V2', ['A-V2'])).toBeNull()
  expect(stockSuggestionCandidate('a-v2', ['A-V2'])).toBeNull()
  expect(stockSuggestionCandidate('A-V2', [])).toBeNull()
})
