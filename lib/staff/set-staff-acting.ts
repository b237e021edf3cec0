// "Act as support" / "Stop acting" on the merchant a staff session has open. Acting gives the
// staff user an admin's permissions there (lib/auth/roles.ts); every start and stop is audited
// for that merchant. Asking for the state the session is already in changes and records nothing.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { lockStaffSession } from './lock-staff-session'

export async function setStaffActing(opts: {
  sessionId: string
  actor: AuditActor
  acting: boolean
  now?: Date
}): Promise<{ merchantId: string; acting: boolean; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const state = await lockStaffSession(tx, opts.sessionId)
    if (state.staffMerchantId === null) {
      throw new AppError('conflict', { userMessage: 'Open a merchant first (Merchants).', details: { reason: 'no_merchant_open' } })
    }
    if (state.staffActing === opts.acting) return { merchantId: state.staffMerchantId, acting: opts.acting, changed: false }
    await tx.session.update({ where: { id: opts.sessionId }, data: { staffActing: opts.acting } })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: state.staffMerchantId,
      action: opts.acting ? 'staff.acting_started' : 'staff.acting_stopped',
      subject: { type: 'merchant', id: state.staffMerchantId },
      before: { acting: state.staffActing },
      after: { acting: opts.acting },
      at: opts.now,
    })
    return { merchantId: state.staffMerchantId, acting: opts.acting, changed: true }
  })
}
