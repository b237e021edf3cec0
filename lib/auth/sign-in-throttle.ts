// Sign-in throttling shared by every app instance: rate-limiter-flexible's PostgreSQL store keeps
// the counters in `sign_in_throttle` (created by our migration, hence `tableCreated: true`), and
// each attempt is one atomic upsert, so parallel guesses on several instances count together.
// The numbers and why they are these: docs/decisions/0006-sign-in-throttling.md.
import 'server-only'
import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { pgPool } from '@/lib/db'

export const THROTTLE_TABLE = 'sign_in_throttle'
const WINDOW_SECONDS = 15 * 60

/** Attempts allowed per 15-minute window; a success clears the account's counters. */
export const SIGN_IN_LIMITS = {
  /** One account from one address: the limit a single attacker meets first. */
  pair: 10,
  /** One account from every address: caps a distributed guesser. */
  account: 50,
  /** One address over every account: caps password spraying. */
  address: 100,
} as const
/** An address that signed in to the account lately is not held back by the account-wide limit. */
const KNOWN_PAIR_SECONDS = 30 * 24 * 3600

const FREE_ATTEMPTS = 4
const FIRST_DELAY_MS = 500
const MAX_DELAY_MS = 4000

/** The wait before checking attempt n of a pair: none for 4, then 0.5 s doubling up to 4 s. */
export function attemptDelayMs(attempt: number): number {
  if (attempt <= FREE_ATTEMPTS) return 0
  return Math.min(FIRST_DELAY_MS * 2 ** (attempt - FREE_ATTEMPTS - 1), MAX_DELAY_MS)
}

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number }
export type SignInAttempt = { email: string; address: string | null }
export type SignInThrottle = {
  /** Counts the attempt (before the password is checked) and says whether to check it. */
  attempt(who: SignInAttempt): Promise<ThrottleVerdict>
  /** After a right password: the account's counters start again; the address becomes known. */
  succeeded(who: SignInAttempt): Promise<void>
}

/** Keys are hashes: no email or address sits in the table, and every key fits its column. */
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url')

/** A consume over its limit rejects with the same RateLimiterRes; only real errors are thrown. */
async function consume(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key)
  } catch (res) {
    if (res instanceof RateLimiterRes) return res
    throw res
  }
}

export function createSignInThrottle({ pool }: { pool: Pool }): SignInThrottle {
  const limiter = (keyPrefix: string, points: number, duration = WINDOW_SECONDS) =>
    new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: THROTTLE_TABLE, tableCreated: true, keyPrefix, points, duration })
  const pair = limiter('pair', SIGN_IN_LIMITS.pair)
  const account = limiter('account', SIGN_IN_LIMITS.account)
  const address = limiter('address', SIGN_IN_LIMITS.address)
  const known = limiter('known', 1, KNOWN_PAIR_SECONDS)
  const keys = ({ email, address: from }: SignInAttempt) => ({
    account: keyOf(email),
    pair: keyOf(email, from ?? 'unknown'),
    address: from === null ? null : keyOf(from),
  })

  return {
    async attempt(who) {
      const k = keys(who)
      const [byPair, byAccount, byAddress, knownPair] = await Promise.all([
        consume(pair, k.pair),
        consume(account, k.account),
        k.address === null ? null : consume(address, k.address),
        k.address === null ? null : known.get(k.pair),
      ])
      const blocking = [
        byPair.consumedPoints > SIGN_IN_LIMITS.pair ? byPair : null,
        byAddress && byAddress.consumedPoints > SIGN_IN_LIMITS.address ? byAddress : null,
        byAccount.consumedPoints > SIGN_IN_LIMITS.account && !knownPair ? byAccount : null,
      ].filter((r) => r !== null)
      if (blocking.length) {
        const ms = Math.max(...blocking.map((r) => r.msBeforeNext))
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) }
      }
      return { allowed: true, delayMs: attemptDelayMs(byPair.consumedPoints) }
    },

    async succeeded(who) {
      const k = keys(who)
      await Promise.all([
        pair.delete(k.pair),
        account.delete(k.account),
        k.address === null ? null : address.reward(k.address),
        k.address === null ? null : known.set(k.pair, 1, KNOWN_PAIR_SECONDS),
      ])
    },
  }
}

const globalForThrottle = globalThis as unknown as { signInThrottle?: SignInThrottle }

/** The process's throttle, on the process's one pool (lib/db.ts). */
export function signInThrottle(): SignInThrottle {
  globalForThrottle.signInThrottle ??= createSignInThrottle({ pool: pgPool() })
  return globalForThrottle.signInThrottle
}
