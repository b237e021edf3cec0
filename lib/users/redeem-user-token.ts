// Reading and spending a one-time link. Spending is a compare-and-set on usedAt, so two tabs
// submitting the same link cannot both succeed. Expired, used, revoked and unknown links all look
// the same to the visitor: the answer gives no hint which, nor whose link it was.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { hashOneTimeToken, isWellFormedOneTimeToken, type OneTimeKind } from './one-time-token'

export const INVALID_LINK_MESSAGE = 'This link no longer works: it may have expired, been used, or been replaced by a newer one. Ask an admin for a new link.'

export function invalidLink(): AppError {
  return new AppError('not_found', { message: 'one-time link refused', userMessage: INVALID_LINK_MESSAGE, details: { reason: 'invalid_link' } })
}

/** A user a link of `kind` may still act on: not removed; invited (no password) or active (a reset). */
function fitsKind(kind: OneTimeKind, user: { passwordHash: string | null; deactivatedAt: Date | null }): boolean {
  if (user.deactivatedAt) return false
  return kind === 'INVITATION' ? user.passwordHash === null : user.passwordHash !== null
}

/** For the link's page: who it is for (shown on the form), or null when it does not work. */
export async function inspectUserToken({ token, kind, now = new Date() }: { token: string; kind: OneTimeKind; now?: Date }) {
  if (!isWellFormedOneTimeToken(token)) return null
  const row = await db.userToken.findFirst({
    where: { id: hashOneTimeToken(token), kind, usedAt: null, expiresAt: { gt: now } },
    select: { expiresAt: true, user: { select: { email: true, name: true, passwordHash: true, deactivatedAt: true, merchant: { select: { name: true } } } } },
  })
  if (!row || !fitsKind(kind, row.user)) return null
  return { email: row.user.email, name: row.user.name, merchantName: row.user.merchant?.name ?? null, expiresAt: row.expiresAt }
}

/**
 * The cheap check a public link route makes before hashing the new password (argon2 costs tens of
 * milliseconds of CPU: junk and dead links must not buy that). Not a guarantee: redeemUserToken's
 * compare-and-set still decides.
 */
export async function assertUserTokenUsable({ token, kind, now = new Date() }: { token: string; kind: OneTimeKind; now?: Date }): Promise<void> {
  if (!(await inspectUserToken({ token, kind, now }))) throw invalidLink()
}

/**
 * Spends the link inside the caller's transaction; throws the one "link no longer works" 404
 * otherwise. `issuedBy` is who handed the link out (null: onboarding by a since-deleted user, or
 * none recorded), for the audit row of its use: the person using it is not always the one it names.
 */
export async function redeemUserToken(tx: Prisma.TransactionClient, { token, kind, now }: { token: string; kind: OneTimeKind; now: Date }) {
  if (!isWellFormedOneTimeToken(token)) throw invalidLink()
  const id = hashOneTimeToken(token)
  const { count } = await tx.userToken.updateMany({ where: { id, kind, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
  if (count === 0) throw invalidLink()
  const { user, createdById } = await tx.userToken.findUniqueOrThrow({
    where: { id },
    select: {
      createdById: true,
      user: { select: { id: true, merchantId: true, email: true, name: true, passwordHash: true, deactivatedAt: true, locale: true, timeZone: true, merchant: { select: { locale: true, timeZone: true } } } },
    },
  })
  if (!fitsKind(kind, user)) throw invalidLink()
  const issuer = createdById ? await tx.user.findUnique({ where: { id: createdById }, select: { id: true, name: true } }) : null
  return { ...user, createdById, issuedBy: issuer ? { id: issuer.id, name: issuer.name } : null }
}
