// Someone opens their invitation link, sets their name and password: the account becomes active and
// they are signed in, in one transaction with the spent link and the audit row.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import type { RequestOrigin } from '@/lib/auth/get-session-from-token'
import { hashPassword } from '@/lib/auth/password'
import { db } from '@/lib/db'
import { throttleLinkAttempt } from './link-throttle'
import { openSessionInTx } from './open-session'
import { assertUserTokenUsable, redeemUserToken } from './redeem-user-token'
import type { SignedInPerson } from './signed-in-person'

export async function acceptInvitation({
  token, name, password, origin, previousSessionToken, now = new Date(),
}: { token: string; name: string; password: string; origin: RequestOrigin; previousSessionToken?: string | null; now?: Date }): Promise<SignedInPerson> {
  const throttle = await throttleLinkAttempt(token, origin.ipAddress)
  await assertUserTokenUsable({ token, kind: 'INVITATION', now })
  // Hashed before the transaction: argon2 takes tens of milliseconds a row lock need not wait for.
  const passwordHash = await hashPassword(password)
  const result = await db.$transaction(async (tx) => {
    const user = await redeemUserToken(tx, { token, kind: 'INVITATION', now })
    await tx.user.update({ where: { id: user.id }, data: { name, passwordHash, activatedAt: now } })
    const actor: AuditActor = { kind: 'USER', id: user.id, name: `${name} <${user.email}>`, ...origin }
    await recordAudit(tx, {
      actor,
      merchantId: user.merchantId,
      action: 'user.invitation_accepted',
      subject: { type: 'user', id: user.id },
      before: { name: user.name, status: 'invited' },
      after: { name, status: 'active', issuedBy: user.issuedBy },
      at: now,
    })
    const session = await openSessionInTx(tx, { userId: user.id, origin, replacing: previousSessionToken, now })
    return { ...session, user: personOf({ ...user, name }) }
  })
  await throttle.succeeded()
  return result
}

export function personOf(user: { email: string; name: string; merchantId: string | null; locale: string | null; timeZone: string | null; merchant: { locale: string | null; timeZone: string | null } | null }) {
  return {
    email: user.email,
    name: user.name,
    isStaff: user.merchantId === null,
    locale: user.locale ?? user.merchant?.locale ?? null,
    timeZone: user.timeZone ?? user.merchant?.timeZone ?? 'UTC',
  }
}
