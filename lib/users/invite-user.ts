// Invites someone to a merchant: a user with no password (cannot sign in yet) and a one-time
// link valid 7 days, audited in the caller's transaction so that onboarding (lib/staff) can create
// the merchant and its first admin together. The link is returned once and never stored in clear.
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
): Promise<{ userId: string; token: string; expiresAt: Date }> {
  const parsed = InviteUserSchema.safeParse(input)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const { email, name, role } = parsed.data
  // Emails are unique across merchants and staff: one person, one account (sign-in is by email).
  // Checked first rather than caught, since a unique violation would abort the caller's transaction.
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken(email)
  const user = await tx.user
    .create({
      data: { merchantId, email, name, role, passwordHash: null, invitedById: actorUserId(actor), createdAt: now },
      select: { id: true },
    })
    .catch((err: unknown) => {
      // Two invitations of one email at once: the later one loses here, with the same 409.
      throw err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' ? emailTaken(email, err) : err
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
  return { userId: user.id, token, expiresAt }
}

export function emailTaken(email: string, cause?: unknown): AppError {
  return new AppError('conflict', {
    message: `user ${email} exists`,
    cause,
    userMessage: 'Someone with this email already has an account.',
    fields: { email: ['Someone with this email already has an account.'] },
    details: { reason: 'email_taken' },
  })
}
