// "Test connection": the four checks (lib/backmarket/check-connection.ts) with a token typed in
// the settings, or the saved one, in the merchant's market and with our User-Agent. Each test
// spends Back Market's budget for the merchant's token, so it takes cells of the merchant's
// shared limiter like every other call (a 429 when none is free within a few seconds).
import 'server-only'
import { workerActor, type AuditActor } from '@/lib/audit/actor'
import { checkConnection, type ConnectionTestResult } from '@/lib/backmarket/check-connection'
import { BackMarketClient } from '@/lib/backmarket/client'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { backMarketRequestLimiter } from '../backmarket-limits'
import { clearRefusalAndResume, requestResume } from './resume-held-tasks'

/** A person waits for the answer: the test gives up on a cell after this, and on a call after the next. */
const TEST_MAX_WAIT_MS = 3_000
const TEST_TIMEOUT_MS = 10_000

export function testClient(opts: { merchantId: string; token: string; market: string }): BackMarketClient {
  const e = env()
  return new BackMarketClient({
    baseUrl: e.BACKMARKET_API_URL,
    token: opts.token,
    acceptLanguage: opts.market,
    userAgent: e.BACKMARKET_USER_AGENT,
    timeoutMs: Math.min(e.BACKMARKET_TIMEOUT_MS, TEST_TIMEOUT_MS),
    beforeRequest: () => backMarketRequestLimiter(opts.merchantId).acquire(1, { maxWaitMs: TEST_MAX_WAIT_MS }),
  })
}

/** Tests a token (a new one before it is saved, or the saved one when `token` is absent). */
export async function testConnection(opts: { merchantId: string; token?: string; markets?: readonly string[]; actor?: AuditActor }): Promise<ConnectionTestResult> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: opts.merchantId }, select: { bmTokenEncrypted: true, bmMarket: true } })
  const sealed = merchant.bmTokenEncrypted
  if (opts.token === undefined && sealed === null) {
    throw new AppError('bad_request', { userMessage: 'No Back Market token is saved: enter one to test it.', fields: { token: ['required: no token is saved'] } })
  }
  const token = opts.token ?? decryptToken(sealed!, { merchantId: opts.merchantId })
  const result = await checkConnection(testClient({ merchantId: opts.merchantId, token, market: opts.markets?.[0] ?? merchant.bmMarket }), { secret: token })
  // The saved token passed: a refusal marked for it is over (the next import would say so too),
  // and work Back Market refused is sent again, as re-syncs of whoever tested.
  if (opts.token === undefined && sealed !== null && result.ok) {
    const actor = opts.actor ?? workerActor('connection-test')
    if (!(await clearRefusalAndResume({ merchantId: opts.merchantId, sealedToken: sealed, actor }))) await requestResume({ merchantId: opts.merchantId, actor })
  }
  return result
}
