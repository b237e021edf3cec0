// A signed-in person changes their password, proving the current one. Their other sessions end
// (whoever knew the old password is out); this one stays.
import 'server-only'
import type { ActiveSession } from '@/lib/auth/get-session-from-token'
import { throttleKeyOf } from '@/lib/auth/client-address'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { signInThrottle, type SignInThrottle } from '@/lib/auth/sign-in-throttle'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export const WRONG_CURRENT_PASSWORD = 'The current password is not right.'

export async function changePassword(
  { session, currentPassword, newPassword }: { session: Pick<ActiveSession, 'sessionId' | 'user'>; currentPassword: string; newPassword: string },
  { throttle = signInThrottle() }: { throttle?: SignInThrottle } = {},
): Promise<{ sessionsEnded: number }> {
  const { user } = session
  // A stolen session must not become a password oracle: the same limits as signing in.
  const who = { email: user.email, address: throttleKeyOf(user.actor.ipAddress ?? null) }
  const verdict = await throttle.attempt(who)
  if (!verdict.allowed) {
    throw new AppError('rate_limited', { userMessage: 'Too many attempts. Try again later.', details: { retryAfterSeconds: verdict.retryAfterSeconds } })
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { passwordHash: true } })
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError('bad_request', { userMessage: WRONG_CURRENT_PASSWORD, fields: { currentPassword: [WRONG_CURRENT_PASSWORD] }, details: { reason: 'wrong_current_password' } })
  }
  await throttle.succeeded(who)
  const passwordHash = await hashPassword(newPassword)
  return db.$transaction(async (tx) => {
    // Compare-and-set on the hash just verified: two changes at once cannot both win.
    const { count: updated } = await tx.user.updateMany({ where: { id: user.userId, passwordHash: row.passwordHash }, data: { passwordHash } })
    if (updated === 0) throw new AppError('conflict', { userMessage: 'Your password was changed elsewhere just now: sign in again.' })
    const count = await endSessionsInTx(tx, { where: { userId: user.userId, id: { not: session.sessionId } }, reason: 'password_changed' })
    await tx.userToken.deleteMany({ where: { userId: user.userId, kind: 'PASSWORD_RESET', usedAt: null } })
    await recordAudit(tx, {
      actor: user.actor,
      merchantId: user.userRole === 'STAFF' ? null : user.merchantId,
      action: 'user.password_changed',
      subject: { type: 'user', id: user.userId },
      after: { otherSessionsEnded: count },
    })
    return { sessionsEnded: count }
  })
}
