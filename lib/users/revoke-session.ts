// "Sign out" on one line of the list of one's sessions: ends that session (the phone left in a
// taxi). Only one's own: another person's session id is "not found". Ending the current session
// is allowed; the page then shows the sign-in page.
import 'server-only'
import type { SessionUser } from '@/lib/auth/signed-in-user'
import { recordAudit } from '@/lib/audit/record-audit'
import { endSessionsInTx } from '@/lib/auth/end-sessions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { describeUserAgent } from './describe-user-agent'
import { sessionPublicId } from './session-public-id'

export async function revokeSession({ user, publicId, currentSessionId }: { user: SessionUser; publicId: string; currentSessionId: string }) {
  return db.$transaction(async (tx) => {
    const sessions = await tx.session.findMany({ where: { userId: user.userId }, select: { id: true, userAgent: true, ipAddress: true, createdAt: true } })
    const target = sessions.find((s) => sessionPublicId(s.id) === publicId)
    if (!target) throw new AppError('not_found', { userMessage: 'No such session: it may have ended already.' })
    await endSessionsInTx(tx, { where: { id: target.id }, reason: 'revoked' })
    await recordAudit(tx, {
      actor: user.actor,
      // The person's own merchant (staff: none), not one a staff session has open.
      merchantId: user.userRole === 'STAFF' ? null : user.merchantId,
      action: 'session.revoked',
      subject: { type: 'user', id: user.userId },
      before: { session: { ...describeUserAgent(target.userAgent), ipAddress: target.ipAddress, createdAt: target.createdAt.toISOString() } },
    })
    return { id: publicId, current: target.id === currentSessionId }
  })
}
