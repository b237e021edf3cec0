// What the admin operations on a merchant's users share: finding the user within the merchant
// (another merchant's user is "not found", never "forbidden") and the rule that a merchant always
// keeps one admin who can sign in.
import 'server-only'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'

export type UserStatus = 'invited' | 'active' | 'removed'

export function userStatus(u: { passwordHash: string | null; deactivatedAt: Date | null }): UserStatus {
  if (u.deactivatedAt) return 'removed'
  return u.passwordHash === null ? 'invited' : 'active'
}

const userRow = {
  id: true, merchantId: true, email: true, name: true, role: true, locale: true, timeZone: true, passwordHash: true, deactivatedAt: true,
  merchant: { select: { locale: true, timeZone: true } },
} as const

/**
 * Locks the merchant's row for the rest of the transaction. Every operation that can take away an
 * admin (role change, removal) takes it FIRST, before reading the user, so they queue in one order:
 * the second reads the user as the first left it, and the last-admin count cannot be passed twice.
 */
export async function lockMerchant(tx: Prisma.TransactionClient, merchantId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Merchant" WHERE id = ${merchantId}::uuid FOR UPDATE`
}

/** The language and zone a one-time mail to this person is written in (they have not chosen yet: the merchant's). */
export function mailPreferences(u: { locale: string | null; timeZone: string | null; merchant: { locale: string; timeZone: string } | null }) {
  return { locale: u.locale ?? u.merchant?.locale ?? null, timeZone: u.timeZone ?? u.merchant?.timeZone ?? 'UTC' }
}

export async function findMerchantUserOrThrow(tx: Prisma.TransactionClient, merchantId: string, userId: string) {
  const user = z.uuid().safeParse(userId).success ? await tx.user.findFirst({ where: { id: userId, merchantId }, select: userRow }) : null
  if (!user) throw new AppError('not_found', { message: `user ${userId} not in merchant ${merchantId}`, userMessage: 'No such user.' })
  return user
}

/**
 * Refuses a change that would leave the merchant with no active admin but `userId`. The caller has
 * taken lockMerchant before reading the user, so two admins demoting each other at once cannot
 * both pass the count.
 */
export async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, merchantId: string, userId: string): Promise<void> {
  const others = await tx.user.count({
    where: { merchantId, role: 'ADMIN', deactivatedAt: null, passwordHash: { not: null }, id: { not: userId } },
  })
  if (others === 0) {
    throw new AppError('conflict', {
      message: `merchant ${merchantId} would lose its last active admin`,
      userMessage: 'A merchant must keep at least one active admin: make someone else an admin first.',
      details: { reason: 'last_admin' },
    })
  }
}
