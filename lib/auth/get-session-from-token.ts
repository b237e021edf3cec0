// The one session check behind requireUser (pages) and requireApiUser (route handlers): looks the
// token's hash up, drops it when past its absolute or idle end, and records its use (hourly).
import 'server-only'
import { db } from '@/lib/db'
import { prepared, runPrepared } from '@/lib/db/prepared'
import { staffEffectiveRole, type MerchantRole, type UserRole } from '@/lib/auth/roles'
import { SESSION_TOUCH_EVERY_MS, sessionEndsAt } from '@/lib/auth/session-cookie'
import { hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'
import type { SessionUser } from '@/lib/auth/signed-in-user'

/** `expiresAt`: when the session ends if it is not used again. */
export type ActiveSession = { sessionId: string; expiresAt: Date; user: SessionUser }

/** Where the request came from, for the audit. */
export type RequestOrigin = { ipAddress: string | null; userAgent: string | null }

type Row = {
  expiresAt: Date
  lastSeenAt: Date
  userId: string
  email: string
  name: string
  role: UserRole
  locale: string | null
  userTimeZone: string | null
  deactivatedAt: Date | null
  staffActing: boolean
  merchantId: string | null
  merchantName: string | null
  merchantTimeZone: string | null
}

// One named statement (ADR 0014), not findUnique with nested selects: Prisma 7.10 (without
// relationJoins) reads Session, User and Merchant in three sequential round trips, and planned
// them on every request. A staff user's merchant is the one their session has open.
const SESSION_BY_ID = prepared(
  'session_by_id',
  `SELECT s."expiresAt", s."lastSeenAt", s."staffActing", u.id AS "userId", u.email, u.name, u.role::text AS role,
          u.locale, u."timeZone" AS "userTimeZone", u."deactivatedAt",
          m.id AS "merchantId", m.name AS "merchantName", m."timeZone" AS "merchantTimeZone"
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     LEFT JOIN "Merchant" m ON m.id = COALESCE(u."merchantId", s."staffMerchantId")
    WHERE s.id = $1`,
)

export async function getSessionFromToken(
  token: string | null | undefined,
  now: Date = new Date(),
  origin: RequestOrigin = { ipAddress: null, userAgent: null },
): Promise<ActiveSession | null> {
  if (!token || !isWellFormedSessionToken(token)) return null
  const id = hashSessionToken(token)
  const rows = await runPrepared<Row>(SESSION_BY_ID, [id])
  const row = rows[0]
  if (!row) return null
  if (sessionEndsAt(row) <= now || row.deactivatedAt) {
    // Dropped without endSessionsInTx: an expired staff session's acting ended when it expired,
    // and that end is not recorded (the audit shows the start; the session's lifetime bounds it).
    await db.session.deleteMany({ where: { id } })
    return null
  }

  let lastSeenAt = row.lastSeenAt
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    lastSeenAt = now
    // updateMany, not update: a sign-out racing this request must win, not fail it.
    await db.session.updateMany({ where: { id }, data: { lastSeenAt } })
  }

  const isStaff = row.role === 'STAFF'
  const role: MerchantRole | null = row.merchantId === null ? null : isStaff ? staffEffectiveRole(row.staffActing) : (row.role as MerchantRole)
  return {
    sessionId: id,
    expiresAt: sessionEndsAt({ expiresAt: row.expiresAt, lastSeenAt }),
    user: {
      userId: row.userId,
      email: row.email,
      name: row.name,
      userRole: row.role,
      merchantId: row.merchantId,
      merchantName: row.merchantName,
      role,
      staff: isStaff ? { acting: row.merchantId !== null && row.staffActing } : null,
      timeZone: row.userTimeZone ?? row.merchantTimeZone ?? 'UTC',
      locale: row.locale,
      actor: { kind: isStaff ? 'STAFF' : 'USER', id: row.userId, name: `${row.name} <${row.email}>`, ...origin },
    },
  }
}
