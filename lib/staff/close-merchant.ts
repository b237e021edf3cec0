// "Back to merchants": the staff session closes the merchant it has open. Reading ends without a
// record (opening was recorded); acting that ends this way is recorded as stopped, so the
// merchant's audit never shows an acting session that did not end.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { lockStaffSession } from './lock-staff-session'

export async function closeMerchant(opts: { sessionId: string; actor: AuditActor; now?: Date }): Promise<{ closed: string | null }> {
  return db.$transaction(async (tx) => {
    const state = await lockStaffSession(tx, opts.sessionId)
    if (state.staffMerchantId === null) return { closed: null }
    await tx.session.update({ where: { id: opts.sessionId }, data: { staffMerchantId: null, staffActing: false } })
    if (state.staffActing) {
      await recordAudit(tx, {
        actor: opts.actor,
        merchantId: state.staffMerchantId,
        action: 'staff.acting_stopped',
        subject: { type: 'merchant', id: state.staffMerchantId },
        before: { acting: true },
        after: { acting: false, closed: true },
        at: opts.now,
      })
    }
    return { closed: state.staffMerchantId }
  })
}
