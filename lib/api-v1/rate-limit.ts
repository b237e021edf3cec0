// Per-key request budget for /api/v1, shared by every app instance: rate-limiter-flexible's
// PostgreSQL store keeps one counter per key in `api_key_throttle` (created by our migration,
// hence `tableCreated: true`), each request one atomic upsert, as the sign-in throttle does.
// The limits come from the environment (docs/decisions/0009-api-keys.md says why these).
import 'server-only'
import type { Pool } from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import type { V1Principal } from '@/lib/api-v1/principal'
import { pgPool } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'

export const API_THROTTLE_TABLE = 'api_key_throttle'
const WINDOW_SECONDS = 60

export type ApiRateLimits = { WAREHOUSE: number; MERCHANT: number }

export type ApiRateLimiter = {
  /** Counts one request of the key; throws a 429 (with the wait) when it is over its budget. */
  consume(principal: Pick<V1Principal, 'keyId' | 'kind'>): Promise<void>
  /** Holds the key back for `seconds` (tests, and an operator cooling a runaway client). */
  block(principal: Pick<V1Principal, 'keyId' | 'kind'>, seconds: number): Promise<void>
}

export function createApiRateLimiter({ pool, limits }: { pool: Pool; limits: ApiRateLimits }): ApiRateLimiter {
  const make = (kind: keyof ApiRateLimits) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: API_THROTTLE_TABLE,
      tableCreated: true,
      keyPrefix: `v1:${kind.toLowerCase()}`,
      points: limits[kind],
      duration: WINDOW_SECONDS,
    })
  const limiters = { WAREHOUSE: make('WAREHOUSE'), MERCHANT: make('MERCHANT') }
  return {
    async consume({ keyId, kind }) {
      try {
        await limiters[kind].consume(keyId)
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res
        const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
        throw new AppError('rate_limited', {
          userMessage: `Too many requests for this API key: at most ${limits[kind]} a minute. Try again in ${retryAfterSeconds} s.`,
          details: { retryAfterSeconds, limitPerMinute: limits[kind] },
        })
      }
    },
    async block({ keyId, kind }, seconds) {
      await limiters[kind].block(keyId, seconds)
    },
  }
}

const globalForLimiter = globalThis as unknown as { apiRateLimiter?: ApiRateLimiter }

/** The process's limiter, on the process's one pool (lib/db.ts): one short upsert per request. */
export function apiRateLimiter(): ApiRateLimiter {
  if (!globalForLimiter.apiRateLimiter) {
    const limits = { WAREHOUSE: env().API_RATE_LIMIT_WAREHOUSE_PER_MINUTE, MERCHANT: env().API_RATE_LIMIT_MERCHANT_PER_MINUTE }
    globalForLimiter.apiRateLimiter = createApiRateLimiter({ pool: pgPool(), limits })
  }
  return globalForLimiter.apiRateLimiter
}
