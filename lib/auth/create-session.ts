// Opens a server-side session for a user and returns the token for the cookie.
import 'server-only'
import { db } from '@/lib/db'
import { SESSION_TTL_MS } from '@/lib/auth/session-cookie'
import { generateSessionToken, hashSessionToken } from '@/lib/auth/session-token'

export async function createSession({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const token = generateSessionToken()
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
  await db.$transaction([
    // Housekeeping on sign-in keeps the table from growing with a user's dead sessions.
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id: hashSessionToken(token), userId, expiresAt } }),
  ])
  return { token, expiresAt }
}
