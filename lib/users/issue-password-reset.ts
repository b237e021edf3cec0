// An admin issues a password-reset link for an active user (forgotten password). The admin hands
// it over or it is emailed; it works once, for 24 hours, and revokes any earlier reset link.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { actorUserId } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { issueUserToken } from './issue-user-token'
import { findMerchantUserOrThrow, userStatus } from './merchant-users'

export async function issuePasswordReset({ merchantId, userId, actor, now = new Date() }: { merchantId: string; userId: string; actor: AuditActor; now?: Date }) {
  return db.$transaction(async (tx) => {
    const user = await findMerchantUserOrThrow(tx, merchantId, userId)
    const status = userStatus(user)
    if (status !== 'active') {
      throw new AppError('conflict', {
        userMessage: status === 'invited' ? 'This user has not accepted their invitation yet: re-issue the invitation instead.' : 'This user was removed.',
        details: { reason: status },
      })
    }
    const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: 'PASSWORD_RESET', createdById: actorUserId(actor), now })
    await recordAudit(tx, {
      actor,
      merchantId,
      action: 'user.password_reset_issued',
      subject: { type: 'user', id: user.id },
      after: { email: user.email, expiresAt: expiresAt.toISOString() },
      at: now,
    })
    return { user: { id: user.id, email: user.email, name: user.name, locale: user.locale }, token, expiresAt }
  })
}
