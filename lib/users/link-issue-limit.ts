// How many one-time links (invitations, re-issued invitations, password resets) one merchant may
// issue: 30 an hour, counted for every app instance together in the sign-in throttle's table
// (rate-limiter-flexible on PostgreSQL, one atomic upsert per link). An admin's session in the
// wrong hands must not become a mail cannon nor a way to probe which emails exist elsewhere.
import 'server-only'
import type { Pool } from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { THROTTLE_TABLE } from '@/lib/auth/sign-in-throttle'
import { pgPool } from '@/lib/db'
import { AppError } from '@/lib/errors'

export const LINKS_PER_MERCHANT_PER_HOUR = 30

export type LinkIssueLimiter = { consume(merchantId: string): Promise<void> }

export function createLinkIssueLimiter({ pool, points = LINKS_PER_MERCHANT_PER_HOUR }: { pool: Pool; points?: number }): LinkIssueLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool, storeType: 'pool', tableName: THROTTLE_TABLE, tableCreated: true, keyPrefix: 'link-issue', points, duration: 3600,
  })
  return {
    async consume(merchantId) {
      try {
        await limiter.consume(merchantId)
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res
        const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
        throw new AppError('rate_limited', {
          message: `merchant ${merchantId} issued too many one-time links`,
          userMessage: `Too many invitations and reset links: at most ${points} an hour. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
          details: { retryAfterSeconds, limitPerHour: points },
        })
      }
    },
  }
}

const globalForLimiter = globalThis as unknown as { linkIssueLimiter?: LinkIssueLimiter }

/** The process's limiter, on the process's one pool (lib/db.ts). */
export function linkIssueLimiter(): LinkIssueLimiter {
  globalForLimiter.linkIssueLimiter ??= createLinkIssueLimiter({ pool: pgPool() })
  return globalForLimiter.linkIssueLimiter
}
