// Opens a session inside the caller's transaction, for the operations that sign someone in as
// part of a change (accepting an invitation, completing a reset): the change and the session
// commit together. The browser's previous session ends (no session fixation).
import 'server-only'
import type { RequestOrigin } from '@/lib/auth/get-session-from-token'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import { SESSION_ABSOLUTE_MS } from '@/lib/auth/session-cookie'
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'
import type { Prisma } from '@/lib/generated/prisma/client'

export async function openSessionInTx(
  tx: Prisma.TransactionClient,
  { userId, origin, replacing, now }: { userId: string; origin: RequestOrigin; replacing?: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  if (replacing && isWellFormedSessionToken(replacing)) await endSessionsInTx(tx, { where: { id: hashSessionToken(replacing) }, reason: 'replaced', now })
  const token = generateSessionToken()
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
  await tx.session.create({
    data: { id: hashSessionToken(token), userId, expiresAt, lastSeenAt: now, createdAt: now, ipAddress: origin.ipAddress, userAgent: origin.userAgent },
  })
  return { token, expiresAt }
}
