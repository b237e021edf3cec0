// Issues a one-time link for a user, inside the caller's transaction. A newer link of the same
// kind revokes the older ones: only the last link an admin handed out can be used.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { generateOneTimeToken, hashOneTimeToken, ONE_TIME_TTL_MS, type OneTimeKind } from './one-time-token'

export async function issueUserToken(
  tx: Prisma.TransactionClient,
  { userId, kind, createdById, now = new Date() }: { userId: string; kind: OneTimeKind; createdById: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  // The user's row is locked first: two admins re-issuing at once would otherwise each delete the
  // links they can see (none of the other's, not committed yet) and leave two live links.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`
  await tx.userToken.deleteMany({ where: { userId, kind, usedAt: null } })
  const token = generateOneTimeToken()
  const expiresAt = new Date(now.getTime() + ONE_TIME_TTL_MS[kind])
  await tx.userToken.create({ data: { id: hashOneTimeToken(token), userId, kind, expiresAt, createdById, createdAt: now } })
  return { token, expiresAt }
}
