// Someone opens a password-reset link and chooses a new password: every session they had ends
// (whoever knew the old password is out), and this browser is signed in afresh.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import type { RequestOrigin } from '@/lib/auth/get-session-from-token'
import { hashPassword } from '@/lib/auth/password'
import { db } from '@/lib/db'
import { personOf } from './accept-invitation'
import { throttleLinkAttempt } from './link-throttle'
import { openSessionInTx } from './open-session'
import { assertUserTokenUsable, redeemUserToken } from './redeem-user-token'
import type { SignedInPerson } from './signed-in-person'

export async function completePasswordReset({
  token, password, origin, now = new Date(),
}: { token: string; password: string; origin: RequestOrigin; now?: Date }): Promise<SignedInPerson & { sessionsEnded: number }> {
  const throttle = await throttleLinkAttempt(token, origin.ipAddress)
  // A dead link is refused before the password costs an argon2 hash.
  await assertUserTokenUsable({ token, kind: 'PASSWORD_RESET', now })
  const passwordHash = await hashPassword(password)
  const result = await db.$transaction(async (tx) => {
    const user = await redeemUserToken(tx, { token, kind: 'PASSWORD_RESET', now })
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } })
    const count = await endSessionsInTx(tx, { where: { userId: user.id }, reason: 'password_reset', now })
    // Any other reset link still out there dies with this one.
    await tx.userToken.deleteMany({ where: { userId: user.id, kind: 'PASSWORD_RESET', usedAt: null } })
    const actor: AuditActor = { kind: user.merchantId === null ? 'STAFF' : 'USER', id: user.id, name: `${user.name} <${user.email}>`, ...origin }
    await recordAudit(tx, {
      actor,
      merchantId: user.merchantId,
      action: 'user.password_reset_completed',
      subject: { type: 'user', id: user.id },
      after: { email: user.email, sessionsEnded: count, issuedBy: user.issuedBy },
      at: now,
    })
    const session = await openSessionInTx(tx, { userId: user.id, origin, now })
    return { ...session, sessionsEnded: count, user: personOf(user) }
  })
  await throttle.succeeded()
  return result
}
