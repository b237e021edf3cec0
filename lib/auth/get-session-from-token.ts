// The one session check behind requireUser (pages) and requireApiUser (route handlers):
// looks the token's hash up, drops it when expired, and slides its expiry when it is getting old.
import 'server-only'
import { db } from '@/lib/db'
import { SESSION_TTL_MS, shouldRenewSession } from '@/lib/auth/session-cookie'
import { hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'
import type { SignedInUser } from '@/lib/auth/signed-in-user'

export type ActiveSession = { sessionId: string; expiresAt: Date; user: SignedInUser }

export async function getSessionFromToken(
  token: string | null | undefined,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  if (!token || !isWellFormedSessionToken(token)) return null
  const id = hashSessionToken(token)
  // One statement, not findUnique with nested selects: Prisma 7.10 (without relationJoins) reads
  // Session, User and Merchant in three sequential round trips, on every request.
  const rows = await db.$queryRaw<{ expiresAt: Date; userId: string; merchantId: string; email: string; name: string; merchantName: string }[]>`
    SELECT s."expiresAt", u.id AS "userId", u."merchantId", u.email, u.name, m.name AS "merchantName"
      FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Merchant" m ON m.id = u."merchantId"
     WHERE s.id = ${id}`
  const row = rows[0]
  if (!row) return null
  const session = {
    expiresAt: row.expiresAt,
    user: { id: row.userId, merchantId: row.merchantId, email: row.email, name: row.name, merchant: { name: row.merchantName } },
  }
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } })
    return null
  }

  let expiresAt = session.expiresAt
  if (shouldRenewSession(expiresAt, now)) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
    // updateMany, not update: a sign-out racing this request must win, not fail it.
    await db.session.updateMany({ where: { id }, data: { expiresAt } })
  }

  const { user } = session
  return {
    sessionId: id,
    expiresAt,
    user: { userId: user.id, merchantId: user.merchantId, email: user.email, name: user.name, merchantName: user.merchant.name },
  }
}
