// Builds a Back Market client for one merchant: their decrypted token and market, our
// User-Agent, the configured base URL. The token is decrypted only here, only in memory.
import 'server-only'
import { BackMarketClient } from '@/lib/backmarket/client'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'

export type MerchantCredentials = { id: string; bmTokenEncrypted: string; bmMarket: string }

export function backMarketClientFor(merchant: MerchantCredentials): BackMarketClient {
  const e = env()
  return new BackMarketClient({
    baseUrl: e.BACKMARKET_API_URL,
    token: decryptToken(merchant.bmTokenEncrypted, e.TOKEN_ENCRYPTION_KEY),
    acceptLanguage: merchant.bmMarket,
    userAgent: e.BACKMARKET_USER_AGENT,
    timeoutMs: e.BACKMARKET_TIMEOUT_MS,
  })
}

export async function backMarketClientForMerchantId(merchantId: string): Promise<BackMarketClient> {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: { id: true, bmTokenEncrypted: true, bmMarket: true },
  })
  if (!merchant) throw new AppError('not_found', { message: `merchant ${merchantId} not found` })
  return backMarketClientFor(merchant)
}
