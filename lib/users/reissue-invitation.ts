// An admin issues a new invitation link to someone who has not accepted yet (the old link is lost
// or expired). The new link revokes the previous one.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { actorUserId } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { issueUserToken } from './issue-user-token'
import { linkIssueLimiter, type LinkIssueLimiter } from './link-issue-limit'
import { findMerchantUserOrThrow, mailPreferences, userStatus } from './merchant-users'

export async function reissueInvitation(
  { merchantId, userId, actor, now = new Date() }: { merchantId: string; userId: string; actor: AuditActor; now?: Date },
  { limiter = linkIssueLimiter() }: { limiter?: LinkIssueLimiter } = {},
) {
  await limiter.consume(merchantId)
  return db.$transaction(async (tx) => {
    const user = await findMerchantUserOrThrow(tx, merchantId, userId)
    const status = userStatus(user)
    if (status !== 'invited') {
      throw new AppError('conflict', {
        userMessage: status === 'active' ? 'This user has already accepted: issue a password reset instead.' : 'This user was removed.',
        details: { reason: status },
      })
    }
    const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: 'INVITATION', createdById: actorUserId(actor), now })
    await recordAudit(tx, {
      actor,
      merchantId,
      action: 'user.invited',
      subject: { type: 'user', id: user.id },
      after: { email: user.email, name: user.name, role: user.role, expiresAt: expiresAt.toISOString(), reissued: true },
      at: now,
    })
    return { user: { id: user.id, email: user.email, name: user.name }, mail: mailPreferences(user), token, expiresAt }
  })
}
