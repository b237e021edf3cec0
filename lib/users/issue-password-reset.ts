// An admin issues a password-reset link for an active user (forgotten password). The admin hands
// it over or it is emailed; it works once, for 24 hours, and revokes any earlier reset link.
// Another admin's reset is only ever emailed (`mustEmail`): handed to the issuer, it would let one
// admin become another, and the audit of its use would name the victim alone.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { actorUserId } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { issueUserToken } from './issue-user-token'
import { linkIssueLimiter, type LinkIssueLimiter } from './link-issue-limit'
import { findMerchantUserOrThrow, mailPreferences, userStatus } from './merchant-users'

export const ADMIN_RESET_EMAILED = "An admin's reset is emailed to them; ask them to use it."

export function adminResetRefused(why: string): AppError {
  return new AppError('conflict', { message: `admin reset refused: ${why}`, userMessage: `${ADMIN_RESET_EMAILED} ${why}`, details: { reason: 'admin_reset_emailed' } })
}

export async function issuePasswordReset(
  { merchantId, userId, actor, canEmail, now = new Date() }: { merchantId: string; userId: string; actor: AuditActor; canEmail: boolean; now?: Date },
  { limiter = linkIssueLimiter() }: { limiter?: LinkIssueLimiter } = {},
) {
  await limiter.consume(merchantId)
  return db.$transaction(async (tx) => {
    const user = await findMerchantUserOrThrow(tx, merchantId, userId)
    const status = userStatus(user)
    if (status !== 'active') {
      throw new AppError('conflict', {
        userMessage: status === 'invited' ? 'This user has not accepted their invitation yet: re-issue the invitation instead.' : 'This user was removed.',
        details: { reason: status },
      })
    }
    const mustEmail = user.role === 'ADMIN' && user.id !== actorUserId(actor)
    if (mustEmail && !canEmail) throw adminResetRefused('Email is not set up on this server.')
    const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: 'PASSWORD_RESET', createdById: actorUserId(actor), now })
    await recordAudit(tx, {
      actor,
      merchantId,
      action: 'user.password_reset_issued',
      subject: { type: 'user', id: user.id },
      after: { email: user.email, expiresAt: expiresAt.toISOString() },
      at: now,
    })
    return { user: { id: user.id, email: user.email, name: user.name }, mail: mailPreferences(user), mustEmail, token, expiresAt }
  })
}
