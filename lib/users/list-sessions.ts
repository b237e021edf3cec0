// Profile → Sessions: every open session of the signed-in person, newest use first, with the one
// this request came from marked. Sessions past their end are left out (sign-in sweeps them).
import 'server-only'
import type { ActiveSession } from '@/lib/auth/get-session-from-token'
import { sessionEndsAt } from '@/lib/auth/session-cookie'
import { db } from '@/lib/db'
import { describeUserAgent } from './describe-user-agent'
import { sessionPublicId } from './session-public-id'

export type SessionRow = {
  id: string
  browser: string | null
  system: string | null
  ipAddress: string | null
  createdAt: string
  lastSeenAt: string
  current: boolean
}

export async function listSessions({ session, now = new Date() }: { session: Pick<ActiveSession, 'sessionId' | 'user'>; now?: Date }): Promise<SessionRow[]> {
  const rows = await db.session.findMany({ where: { userId: session.user.userId }, orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }] })
  return rows
    .filter((s) => sessionEndsAt(s) > now)
    .map((s) => ({
      id: sessionPublicId(s.id),
      ...describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === session.sessionId,
    }))
}
