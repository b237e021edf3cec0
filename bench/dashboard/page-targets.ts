// Every page a person can open, and what each needs to open as it does for them: an admin of the
// benchmarked merchant (every dashboard page and settings tab), a support staff user (the /staff
// pages) and nobody (sign-in, and an invitation and a password reset that still work). The users,
// sessions and one-time links are written straight into the benchmark's database.
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { generateSessionToken, hashSessionToken } from '../../lib/auth/session-token'
import type { Case } from './cases'

export type PageTarget = {
  /** What the report calls the page: the route with its dynamic part named, e.g. /orders/[reference]. */
  route: string
  path: string
  /** The session cookie's token, or null for a public page. */
  token: string | null
}

const DAY = 24 * 3600 * 1000

async function insertUser(pool: pg.Pool, u: { merchantId: string | null; role: string; email: string; name: string; active: boolean }): Promise<string> {
  const id = randomUUID()
  // Not a real argon2 hash: nobody signs in with a password here; a reset link only needs one set.
  await pool.query(
    `INSERT INTO "User" (id, "merchantId", role, email, name, "passwordHash", "activatedAt", "createdAt")
     VALUES ($1, $2, $3::"UserRole", $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
    [id, u.merchantId, u.role, u.email, u.name, u.active ? '$argon2id$bench-not-a-hash' : null, u.active ? new Date().toISOString() : null],
  )
  return id
}

async function insertSession(pool: pg.Pool, userId: string): Promise<string> {
  const token = generateSessionToken()
  // 30 days, as createSession: no renewal write while the pages load.
  await pool.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC')`, [hashSessionToken(token), userId, new Date(Date.now() + 30 * DAY).toISOString()])
  return token
}

async function insertLink(pool: pg.Pool, userId: string, kind: 'INVITATION' | 'PASSWORD_RESET'): Promise<string> {
  const token = generateSessionToken() // one-time links are the session token's form (lib/users/one-time-token.ts)
  await pool.query(`INSERT INTO "UserToken" (id, "userId", kind, "expiresAt") VALUES ($1, $2, $3::"UserTokenKind", $4::timestamptz AT TIME ZONE 'UTC')`, [
    hashSessionToken(token),
    userId,
    kind,
    new Date(Date.now() + DAY).toISOString(),
  ])
  return token
}

/** The pages of `c`'s merchant (one with sync failures: the benchmark's first case) and the rest. */
export async function createPageTargets(pool: pg.Pool, c: Case): Promise<PageTarget[]> {
  const tag = `${process.pid}-${Date.now()}`
  const admin = await insertSession(pool, await insertUser(pool, { merchantId: c.merchantId, role: 'ADMIN', email: `bench-admin-${tag}@bench.example`, name: 'Bench Admin', active: true }))
  const staff = await insertSession(pool, await insertUser(pool, { merchantId: null, role: 'STAFF', email: `bench-staff-${tag}@bench.example`, name: 'Bench Staff', active: true }))
  const invited = await insertUser(pool, { merchantId: c.merchantId, role: 'OPERATOR', email: `bench-invited-${tag}@bench.example`, name: 'Bench Invited', active: false })
  const resetting = await insertUser(pool, { merchantId: c.merchantId, role: 'VIEWER', email: `bench-reset-${tag}@bench.example`, name: 'Bench Reset', active: true })
  const invite = await insertLink(pool, invited, 'INVITATION')
  const reset = await insertLink(pool, resetting, 'PASSWORD_RESET')
  // The address form shows only while an order is CREATED (the seed's newest orders are).
  const created = await pool.query<{ reference: string }>(`SELECT reference FROM "Order" WHERE "merchantId" = $1 AND status = 'CREATED' ORDER BY "placedAt" DESC LIMIT 1`, [c.merchantId])
  const order = await pool.query<{ reference: string }>(`SELECT reference FROM "Order" WHERE "merchantId" = $1 AND status = 'IN_TRANSIT' ORDER BY "placedAt" DESC LIMIT 1`, [c.merchantId])
  const orderRef = order.rows[0]?.reference ?? c.q
  const createdRef = created.rows[0]?.reference ?? orderRef
  const dash = (route: string, path = route): PageTarget => ({ route, path, token: admin })
  return [
    dash('/orders'),
    dash('/orders/[reference]', `/orders/${orderRef}`),
    dash('/errors'),
    dash('/errors/[reference]', `/errors/${createdRef}`),
    dash('/connection-issues'),
    dash('/audit'),
    dash('/settings/profile'),
    dash('/settings/users'),
    dash('/settings/api-keys'),
    dash('/settings/webhooks'),
    dash('/settings/back-market'),
    dash('/settings/api-reference'),
    { route: '/staff', path: '/staff', token: staff },
    { route: '/staff/merchants/new', path: '/staff/merchants/new', token: staff },
    { route: '/staff/profile', path: '/staff/profile', token: staff },
    { route: '/staff/warehouse-keys', path: '/staff/warehouse-keys', token: staff },
    { route: '/login', path: '/login', token: null },
    { route: '/invite/[token]', path: `/invite/${invite}`, token: null },
    { route: '/reset-password/[token]', path: `/reset-password/${reset}`, token: null },
  ]
}
