// The requests measured: for a sample of merchants, a signed-in session each and three cases
// (an exact reference search, a prefix search, the connection-issues banner).
import type pg from 'pg'
import { sessionCookieName } from '../../lib/auth/session-cookie'
import { generateSessionToken, hashSessionToken } from '../../lib/auth/session-token'
import type { Case, CaptureOutput, CaseKind } from './cases'
import { referenceOf, referenceWidth, type SeedSizes } from './seed-model'

// next start runs in production, where the session cookie is `__Host-bm_session` (lib/auth/session-cookie.ts).
export const SESSION_COOKIE = sessionCookieName(true)
export const cookieOf = (c: Case) => `${SESSION_COOKIE}=${c.token}`
export const requestsOf = (captured: CaptureOutput, kinds: CaseKind[]) =>
  captured.cases.filter((c) => kinds.includes(c.kind)).map((c) => ({ path: c.path, cookie: cookieOf(c) }))

export const prefixLength = (width: number) => Math.max(1, 4 - Math.round(Math.log10(width / 1000)))

/** `sample` merchants' cases, each merchant signed in by a session written straight into the database. */
export async function createCases(pool: pg.Pool, sizes: SeedSizes, sample: number): Promise<Case[]> {
  const W = referenceWidth(sizes.merchants)
  const merchants = await pool.query<{ id: string; m: number; userId: string }>(
    `SELECT m.id, substring(m.name from '\\d+$')::int AS m, u.id AS "userId" FROM "Merchant" m JOIN "User" u ON u."merchantId" = m.id ORDER BY 2`,
  )
  // Spread over all merchants (i·37 mod M): healthy and troubled ones (m mod 10 < 3) alike.
  const picked = Array.from({ length: sample }, (_, i) => merchants.rows[(i * 37) % merchants.rows.length]!)
  const cases: Case[] = []
  const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000) // as createSession: 30 days, so no renewal write
  for (const [i, mr] of picked.entries()) {
    const token = generateSessionToken()
    await pool.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC')`, [hashSessionToken(token), mr.userId, expires.toISOString()])
    const exact = referenceOf(mr.m, (i * 389 + 17) % sizes.ordersPerMerchant, W)
    // ~10 matches per merchant at any size: the ids are spread over O·W numbers, so a prefix one
    // digit shorter for each tenfold W (4 digits at 1,000 merchants, 3 at 10,000).
    const prefix = referenceOf(mr.m, (i * 577 + 123) % sizes.ordersPerMerchant, W).slice(0, prefixLength(W))
    const c = (kind: CaseKind, pathname: string, q?: string): Case => ({ key: `${kind} m${mr.m}`, kind, merchantId: mr.id, token, q, path: pathname })
    cases.push(c('exact', `/api/orders?q=${exact}`, exact), c('prefix', `/api/orders?q=${prefix}`, prefix), c('banner', '/api/connection-issues'))
  }
  return cases
}
