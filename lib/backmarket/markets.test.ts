import { expect, test } from 'vitest'
import { MARKET_CODES, regionOf } from './market-list'
import { MarketsSchema } from './markets'

test('the markets are Back Market’s Accept-Language values, each once', () => {
  expect(MARKET_CODES).toHaveLength(16)
  expect(new Set(MARKET_CODES).size).toBe(16)
  for (const code of MARKET_CODES) expect(code).toMatch(/^[a-z]{2}-[a-z]{2}$/)
  expect(regionOf('en-us')).toBe('us')
  expect(regionOf('ja-jp')).toBe('ap')
})

test('a merchant’s markets: at least one, each once, all of one region', () => {
  expect(MarketsSchema.safeParse(['fr-fr', 'de-de']).success).toBe(true)
  expect(MarketsSchema.safeParse([]).success).toBe(false)
  expect(MarketsSchema.safeParse(['fr-fr', 'fr-fr']).success).toBe(false)
  expect(MarketsSchema.safeParse(['fr-fr', 'en-us']).success).toBe(false)
  expect(MarketsSchema.safeParse(['xx-yy']).success).toBe(false)
})
