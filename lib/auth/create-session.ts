// Opens a server-side session for a user and returns the token for the cookie.
import 'server-only'
import { db } from '@/lib/db'
import type { RequestOrigin } from '@/lib/auth/get-session-from-token'
import { SESSION_ABSOLUTE_MS } from '@/lib/auth/session-cookie'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'

export async function createSession({
  userId,
  replacing,
  origin,
  now = new Date(),
}: {
  userId: string
  replacing?: string | null
  /** Shown in the user's list of sessions. */
  origin?: RequestOrigin
  now?: Date
}) {
  const token = generateSessionToken()
  // Absolute: never pushed back (get-session-from-token.ts applies the idle lifetime on top).
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
  await db.$transaction(async (tx) => {
    // Housekeeping on sign-in keeps the table from growing with a user's dead sessions.
    await tx.session.deleteMany({ where: { userId, expiresAt: { lte: now } } })
    // The session this browser held before signing in ends: a token planted or seen earlier
    // (session fixation) is worth nothing once its holder signs in.
    if (replacing && isWellFormedSessionToken(replacing)) await endSessionsInTx(tx, { where: { id: hashSessionToken(replacing) }, reason: 'replaced', now })
    await tx.session.create({ data: { id: hashSessionToken(token), userId, expiresAt, lastSeenAt: now, ipAddress: origin?.ipAddress ?? null, userAgent: origin?.userAgent ?? null } })
  })
  return { token, expiresAt }
}
