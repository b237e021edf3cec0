// An admin removes someone from the merchant: they can no longer sign in (their sessions end now,
// their unused links stop working), but the row stays so the audit keeps their name. Removing an
// invited user withdraws the invitation. The last active admin cannot be removed (409).
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import { db } from '@/lib/db'
import { assertAnotherActiveAdmin, findMerchantUserOrThrow, lockMerchant, userStatus } from './merchant-users'

export async function deactivateUser({ merchantId, userId, actor, now = new Date() }: { merchantId: string; userId: string; actor: AuditActor; now?: Date }) {
  return db.$transaction(async (tx) => {
    // The same lock order as a role change: a demotion and a removal at once cannot both pass the last-admin count.
    await lockMerchant(tx, merchantId)
    const user = await findMerchantUserOrThrow(tx, merchantId, userId)
    // Removing twice is not an error: the user is removed either way.
    if (user.deactivatedAt) return { id: user.id, status: 'removed' as const, sessionsEnded: 0 }
    if (user.role === 'ADMIN' && user.passwordHash !== null) await assertAnotherActiveAdmin(tx, merchantId, user.id)
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: now } })
    const count = await endSessionsInTx(tx, { where: { userId: user.id }, reason: 'user_removed', now })
    await tx.userToken.deleteMany({ where: { userId: user.id, usedAt: null } })
    await recordAudit(tx, {
      actor,
      merchantId,
      action: 'user.deactivated',
      subject: { type: 'user', id: user.id },
      before: { email: user.email, role: user.role, status: userStatus(user) },
      after: { email: user.email, role: user.role, status: 'removed', sessionsEnded: count },
    })
    return { id: user.id, status: 'removed' as const, sessionsEnded: count }
  })
}
