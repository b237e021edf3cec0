// Back Market's markets, as the Accept-Language values its API takes (docs/backmarket.md §1.2),
// without zod: the market pickers list them in the browser; markets.ts holds the schemas.

export const BACKMARKET_MARKETS = [
  // EU (www.backmarket.fr)
  { code: 'fr-fr', region: 'eu' },
  { code: 'fr-be', region: 'eu' },
  { code: 'es-es', region: 'eu' },
  { code: 'de-de', region: 'eu' },
  { code: 'de-at', region: 'eu' },
  { code: 'it-it', region: 'eu' },
  { code: 'en-gb', region: 'eu' },
  { code: 'nl-nl', region: 'eu' },
  { code: 'pt-pt', region: 'eu' },
  { code: 'en-ie', region: 'eu' },
  { code: 'el-gr', region: 'eu' },
  { code: 'sk-sk', region: 'eu' },
  { code: 'sv-se', region: 'eu' },
  // US (www.backmarket.com)
  { code: 'en-us', region: 'us' },
  // AP (www.backmarket.co.jp)
  { code: 'ja-jp', region: 'ap' },
  { code: 'en-au', region: 'ap' },
] as const

export type BackMarketMarket = (typeof BACKMARKET_MARKETS)[number]['code']
export type BackMarketRegion = (typeof BACKMARKET_MARKETS)[number]['region']

export const MARKET_CODES = BACKMARKET_MARKETS.map((m) => m.code) as [BackMarketMarket, ...BackMarketMarket[]]

export function isMarket(value: string): value is BackMarketMarket {
  return (MARKET_CODES as readonly string[]).includes(value)
}

export function regionOf(market: BackMarketMarket): BackMarketRegion {
  return BACKMARKET_MARKETS.find((m) => m.code === market)!.region
}
