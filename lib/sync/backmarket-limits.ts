// Back Market's published limits (docs/backmarket.md §1.10) as rate limiters, one budget per merchant: each
// merchant has its own Back Market token, and Back Market counts per token.
import 'server-only'
import { env } from '@/lib/env'
import { createRateLimiter, type RateLimiter } from './rate-limiter'

/**
 * "Above 200 requests in 10 seconds" Back Market blocks the token for 10 s. Requests are spaced,
 * not bunched: burst 1 and margin 2 give T = ceil(10 000 / 197) = 51 ms, one request due every
 * 51 ms, 196 per 10 s sustained (0.98 of the limit) and at most 1 + floor(10 000 / 51) = 197 in
 * any 10 s by our database clock. Back Market counts arrivals: 200 per 10 s still holds while the
 * delay from due time to its count varies by less than 200 × 51 − 10 000 = 200 ms
 * (`spreadBudgetMs` 199). A worker that wakes over 100 ms after its slot gives it up (`lateMs`),
 * which leaves the other 99 ms to the wire and Back Market's intake.
 * (It was burst 5, T = 52 ms: the same 197 at most, but 192 per 10 s sustained, 0.96; bench:sync
 * used 0.935 of the limit. Spacing keeps the ceiling and gives the 4 requests the burst held.)
 */
export const BACKMARKET_REQUEST_LIMIT = { limit: 200, windowMs: 10_000, burst: 1, margin: 2, lateMs: 100 } as const

/**
 * Back Market "might not accept more than 2k lines of SKUs to process per hour" across listing
 * updates. We plan for 1,900 per hour (margin 50 for lines sent by other means, burst 50 for a
 * batch after a quiet spell): T = 1,895 ms, at most 1,949 lines in any hour.
 */
export const BACKMARKET_SKU_LINE_LIMIT = { limit: 2_000, windowMs: 60 * 60_000, burst: 50, margin: 50 } as const

/** How long Back Market blocks a token past its limit; the penalty after a 429 without Retry-After. */
export const BACKMARKET_BLOCK_MS = 10_000

/** Every request to Back Market with this merchant's token takes one cell. */
export function backMarketRequestLimiter(merchantId: string): RateLimiter {
  return createRateLimiter({ key: `backmarket:requests:${merchantId}`, ...BACKMARKET_REQUEST_LIMIT })
}

/** A listing update takes one cell per SKU line it sends. The window is an hour outside bench:events. */
export function backMarketSkuLineLimiter(merchantId: string): RateLimiter {
  return createRateLimiter({ key: `backmarket:sku-lines:${merchantId}`, ...BACKMARKET_SKU_LINE_LIMIT, windowMs: env().BACKMARKET_SKU_LINE_WINDOW_MS })
}
