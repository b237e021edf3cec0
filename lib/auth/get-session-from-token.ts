// The one session check behind requireUser (pages) and requireApiUser (route handlers): looks the
// token's hash up, drops it when past its absolute or idle end, and records its use (hourly).
import 'server-only'
import { db } from '@/lib/db'
import { SESSION_TOUCH_EVERY_MS, sessionEndsAt } from '@/lib/auth/session-cookie'
import { hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'
import type { SignedInUser } from '@/lib/auth/signed-in-user'

/** `expiresAt`: when the session ends if it is not used again. */
export type ActiveSession = { sessionId: string; expiresAt: Date; user: SignedInUser }

export async function getSessionFromToken(
  token: string | null | undefined,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  if (!token || !isWellFormedSessionToken(token)) return null
  const id = hashSessionToken(token)
  // One statement, not findUnique with nested selects: Prisma 7.10 (without relationJoins) reads
  // Session, User and Merchant in three sequential round trips, on every request.
  const rows = await db.$queryRaw<
    { expiresAt: Date; lastSeenAt: Date; userId: string; merchantId: string; email: string; name: string; merchantName: string }[]
  >`
    SELECT s."expiresAt", s."lastSeenAt", u.id AS "userId", u."merchantId", u.email, u.name, m.name AS "merchantName"
      FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Merchant" m ON m.id = u."merchantId"
     WHERE s.id = ${id}`
  const row = rows[0]
  if (!row) return null
  if (sessionEndsAt(row) <= now) {
    await db.session.deleteMany({ where: { id } })
    return null
  }

  let lastSeenAt = row.lastSeenAt
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    lastSeenAt = now
    // updateMany, not update: a sign-out racing this request must win, not fail it.
    await db.session.updateMany({ where: { id }, data: { lastSeenAt } })
  }

  return {
    sessionId: id,
    expiresAt: sessionEndsAt({ expiresAt: row.expiresAt, lastSeenAt }),
    user: { userId: row.userId, merchantId: row.merchantId, email: row.email, name: row.name, merchantName: row.merchantName },
  }
}
