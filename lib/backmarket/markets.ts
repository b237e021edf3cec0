// Back Market's markets, as the Accept-Language values its API takes (docs/backmarket.md §1.2):
// the header picks the market of country-specific fields (price, comment, warranty), while stock
// is shared by every market. A merchant sells on one or more; our calls are made in the first.
// The list itself is market-list.ts (no zod, for the pickers); the schemas here are zod/mini, for
// the forms that share them with their routes.
import * as z from 'zod/mini'
import { MARKET_CODES, regionOf } from './market-list'

export const MarketSchema = z.enum(MARKET_CODES)

/** One or more markets, each once; the first is the one our calls are made in (bmMarket). */
export const MarketsSchema = z.array(MarketSchema).check(
  z.minLength(1, 'choose at least one market'),
  z.maxLength(MARKET_CODES.length),
  z.refine((list) => new Set(list).size === list.length, 'each market once'),
  // EU, US and AP are separate platforms (their own servers, back offices and tokens).
  z.refine((list) => new Set(list.map(regionOf)).size <= 1, 'markets of one region only (EU, US or AP): each has its own token'),
)
