// Invites someone to a merchant: a user with no password (cannot sign in yet) and a one-time
// link valid 7 days, audited in the caller's transaction so that onboarding (lib/staff) can create
// the merchant and its first admin together. The link is returned once and never stored in clear.
// Someone removed from this merchant is invited again on the same row (the audit keeps one person):
// no password, a new role, a new link.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { actorUserId } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import type { MerchantRole } from '@/lib/auth/roles'
import { AppError, fromZodError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { issueUserToken } from './issue-user-token'
import { InviteUserSchema } from './user-schemas'

// The design names this file as the contract for invitations: the delivery and the link live
// in their own files (one operation per file) and are re-exported here for callers.
export { deliverInvitation } from './deliver-invitation'
export { handOverLink } from './hand-over-link'
export { oneTimeLinkUrl } from './one-time-link'

export type InviteUserOptions = {
  merchantId: string
  email: string
  name: string
  role: MerchantRole
  actor: AuditActor
  now?: Date
}

export async function inviteUser(
  tx: Prisma.TransactionClient,
  { merchantId, actor, now = new Date(), ...input }: InviteUserOptions,
): Promise<{ userId: string; token: string; expiresAt: Date; mail: { locale: string | null; timeZone: string } }> {
  const parsed = InviteUserSchema.safeParse(input)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const { email, name, role } = parsed.data
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { locale: true, timeZone: true } })
  // The invitee has chosen nothing yet: the mail speaks the merchant's language, in its zone.
  const mail = { locale: merchant.locale, timeZone: merchant.timeZone }
  // Emails are unique across merchants and staff: one person, one account (sign-in is by email).
  // Checked first rather than caught, since a unique violation would abort the caller's transaction.
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, merchantId: true, deactivatedAt: true } })
  if (existing && existing.merchantId !== merchantId) throw emailUnavailable(email)
  if (existing && !existing.deactivatedAt) throw emailTaken(email)
  if (existing) return { ...(await reinvite(tx, { userId: existing.id, merchantId, email, name, role, actor, now })), mail }
  const user = await tx.user
    .create({
      data: { merchantId, email, name, role, passwordHash: null, invitedById: actorUserId(actor), createdAt: now },
      select: { id: true },
    })
    .catch((err: unknown) => {
      // Two invitations of one email at once: the later one loses here, with the same 409.
      throw err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' ? emailUnavailable(email, err) : err
    })
  const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: 'INVITATION', createdById: actorUserId(actor), now })
  await recordAudit(tx, {
    actor,
    merchantId,
    action: 'user.invited',
    subject: { type: 'user', id: user.id },
    after: { email, name, role, expiresAt: expiresAt.toISOString() },
    at: now,
  })
  return { userId: user.id, token, expiresAt, mail }
}

async function reinvite(
  tx: Prisma.TransactionClient,
  { userId, merchantId, email, name, role, actor, now }: { userId: string; merchantId: string; email: string; name: string; role: MerchantRole; actor: AuditActor; now: Date },
) {
  // Compare-and-set on the removal: a second invitation racing this one finds the user active-to-be and gets the 409.
  const { count } = await tx.user.updateMany({
    where: { id: userId, merchantId, deactivatedAt: { not: null } },
    data: { deactivatedAt: null, passwordHash: null, activatedAt: null, name, role, invitedById: actorUserId(actor) },
  })
  if (count === 0) throw emailTaken(email)
  const { token, expiresAt } = await issueUserToken(tx, { userId, kind: 'INVITATION', createdById: actorUserId(actor), now })
  await recordAudit(tx, {
    actor,
    merchantId,
    action: 'user.invited',
    subject: { type: 'user', id: userId },
    before: { status: 'removed' },
    after: { email, name, role, expiresAt: expiresAt.toISOString(), reactivated: true },
    at: now,
  })
  return { userId, token, expiresAt }
}

/**
 * The email belongs to someone outside this merchant (another merchant, or staff). Said without
 * saying where: an admin must not be able to probe who else uses the service.
 */
export function emailUnavailable(email: string, cause?: unknown): AppError {
  const text = 'This email cannot be invited here: use another address, or contact support.'
  return new AppError('conflict', { message: `user ${email} exists elsewhere`, cause, userMessage: text, fields: { email: [text] }, details: { reason: 'email_unavailable' } })
}

/** The email is already someone's in this merchant (invited or active). */
export function emailTaken(email: string, cause?: unknown): AppError {
  return new AppError('conflict', {
    message: `user ${email} exists`,
    cause,
    userMessage: 'Someone of this merchant already has this email (see the list of users).',
    fields: { email: ['Someone of this merchant already has this email (see the list of users).'] },
    details: { reason: 'email_taken' },
  })
}
