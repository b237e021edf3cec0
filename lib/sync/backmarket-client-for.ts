// Builds a Back Market client for one merchant: their decrypted token and market, our
// User-Agent, the configured base URL. The token is decrypted only here, only in memory.
import 'server-only'
import { BackMarketClient } from '@/lib/backmarket/client'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { backMarketRequestLimiter } from './backmarket-limits'

export type MerchantCredentials = { id: string; bmTokenEncrypted: string | null; bmMarket: string }

/** A merchant with no token (not connected yet, or disconnected) cannot reach Back Market. */
export function backMarketDisconnected(): AppError {
  return new AppError('conflict', {
    userMessage: 'Back Market is not connected: an admin can connect it in Settings → Back Market.',
    details: { reason: 'backmarket_disconnected' },
  })
}

/**
 * `rateLimited`: every call first takes a cell of the merchant's request budget, waiting at most
 * `maxWaitMs` (else AppError rate_limited). Back Market counts every request with the token, so
 * the importer's pages and the order page's live read must share the budget with the sync calls;
 * without it they pushed a token running at the sync engine's full rate over Back Market's limit
 * (429, then a 10 s block). The sync engine takes its cells itself (syncCall), so it passes none.
 */
export function backMarketClientFor(merchant: MerchantCredentials, opts: { rateLimited?: { maxWaitMs: number } } = {}): BackMarketClient {
  if (merchant.bmTokenEncrypted === null) throw backMarketDisconnected()
  const e = env()
  const limited = opts.rateLimited
  return new BackMarketClient({
    baseUrl: e.BACKMARKET_API_URL,
    token: decryptToken(merchant.bmTokenEncrypted, { merchantId: merchant.id }),
    acceptLanguage: merchant.bmMarket,
    userAgent: e.BACKMARKET_USER_AGENT,
    timeoutMs: e.BACKMARKET_TIMEOUT_MS,
    ...(limited ? { beforeRequest: () => backMarketRequestLimiter(merchant.id).acquire(1, { maxWaitMs: limited.maxWaitMs }) } : {}),
  })
}

export async function backMarketClientForMerchantId(merchantId: string, opts: { rateLimited?: { maxWaitMs: number } } = {}): Promise<BackMarketClient> {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: { id: true, bmTokenEncrypted: true, bmMarket: true },
  })
  if (!merchant) throw new AppError('not_found', { message: `merchant ${merchantId} not found` })
  return backMarketClientFor(merchant, opts)
}
