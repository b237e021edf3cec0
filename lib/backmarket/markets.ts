// Back Market's markets, as the Accept-Language values its API takes (docs/backmarket.md §1.2):
// the header picks the market of country-specific fields (price, comment, warranty), while stock
// is shared by every market. A merchant sells on one or more; our calls are made in the first.
// zod/mini: the settings' and onboarding's market pickers ship the schema to the browser.
import * as z from 'zod/mini'

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

export const MarketSchema = z.enum(MARKET_CODES)

/** One or more markets, each once; the first is the one our calls are made in (bmMarket). */
export const MarketsSchema = z.array(MarketSchema).check(
  z.minLength(1, 'choose at least one market'),
  z.maxLength(MARKET_CODES.length),
  z.refine((list) => new Set(list).size === list.length, 'each market once'),
  // EU, US and AP are separate platforms (their own servers, back offices and tokens).
  z.refine((list) => new Set(list.map(regionOf)).size <= 1, 'markets of one region only (EU, US or AP): each has its own token'),
)

export function isMarket(value: string): value is BackMarketMarket {
  return (MARKET_CODES as readonly string[]).includes(value)
}

export function regionOf(market: BackMarketMarket): BackMarketRegion {
  return BACKMARKET_MARKETS.find((m) => m.code === market)!.region
}
