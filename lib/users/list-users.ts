// Settings → Users: the merchant's people, with their status and when they were last seen
// (their most recent session's last use; null when they have none).
import 'server-only'
import { db } from '@/lib/db'
import { userStatus, type UserStatus } from './merchant-users'

export type MerchantUserRow = {
  id: string
  name: string
  email: string
  role: 'VIEWER' | 'OPERATOR' | 'ADMIN'
  status: UserStatus
  lastSeenAt: string | null
  createdAt: string
  /** Invited users: until when their link works (null once expired or used). */
  invitationExpiresAt: string | null
}

export async function listUsers({ merchantId, now = new Date() }: { merchantId: string; now?: Date }): Promise<MerchantUserRow[]> {
  const users = await db.user.findMany({
    where: { merchantId },
    orderBy: [{ deactivatedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }, { email: 'asc' }],
    select: {
      id: true, name: true, email: true, role: true, passwordHash: true, deactivatedAt: true, createdAt: true,
      sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: 'desc' }, take: 1 },
      tokens: { where: { kind: 'INVITATION', usedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true }, orderBy: { expiresAt: 'desc' }, take: 1 },
    },
  })
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    // Only merchant roles live under a merchant (the database's CHECK keeps STAFF out).
    role: u.role as MerchantUserRow['role'],
    status: userStatus(u),
    lastSeenAt: u.sessions[0]?.lastSeenAt.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    invitationExpiresAt: userStatus(u) === 'invited' ? (u.tokens[0]?.expiresAt.toISOString() ?? null) : null,
  }))
}
