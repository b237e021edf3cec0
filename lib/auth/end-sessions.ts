// The one way a session is deleted on purpose (sign-out, sign-out everywhere, a password changed
// or reset, a user removed, a session revoked or replaced at sign-in), inside the caller's
// transaction. A staff session that was acting on a merchant stops acting when it ends, and that
// merchant's audit must say so (staff.acting_stopped), or it would show an acting that never ended.
// Not covered: a session that simply expires is dropped when next seen (get-session-from-token.ts)
// with no record; the merchant's audit then shows the acting start and nothing after it.
import 'server-only'
import { recordAudit } from '@/lib/audit/record-audit'
import type { Prisma } from '@/lib/generated/prisma/client'

export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'password_changed' | 'password_reset' | 'user_removed' | 'revoked' | 'replaced'

export async function endSessionsInTx(
  tx: Prisma.TransactionClient,
  { where, reason, now = new Date() }: { where: Prisma.SessionWhereInput; reason: SessionEndReason; now?: Date },
): Promise<number> {
  const acting = await tx.session.findMany({
    where: { AND: [where, { staffActing: true, staffMerchantId: { not: null } }] },
    select: { staffMerchantId: true, ipAddress: true, userAgent: true, user: { select: { id: true, name: true, email: true } } },
  })
  const { count } = await tx.session.deleteMany({ where })
  for (const s of acting) {
    await recordAudit(tx, {
      // The staff user whose acting ended, seen from where that session was.
      actor: { kind: 'STAFF', id: s.user.id, name: `${s.user.name} <${s.user.email}>`, ipAddress: s.ipAddress, userAgent: s.userAgent },
      merchantId: s.staffMerchantId!,
      action: 'staff.acting_stopped',
      subject: { type: 'merchant', id: s.staffMerchantId! },
      before: { acting: true },
      after: { acting: false, sessionEnded: reason },
      at: now,
    })
  }
  return count
}
