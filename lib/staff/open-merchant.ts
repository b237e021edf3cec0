// A staff user opens a merchant's dashboard in their session, always read-only: acting starts only
// through setStaffActing (its own audited step). The merchant's admins see the opening in their
// audit (staff.merchant_opened, in the same transaction as the session change). Opening replaces
// whatever was open; acting there ends with it, and is recorded as stopped — even when the same
// merchant is opened again (it is read-only afterwards).
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { lockStaffSession } from './lock-staff-session'

export type OpenedMerchant = { merchantId: string; merchantName: string; acting: boolean }

export async function openMerchant(opts: { sessionId: string; actor: AuditActor; merchantId: string; now?: Date }): Promise<OpenedMerchant> {
  const acting = false
  return db.$transaction(async (tx) => {
    const merchant = await tx.merchant.findUnique({ where: { id: opts.merchantId }, select: { id: true, name: true } })
    if (!merchant) throw new AppError('not_found', { userMessage: 'No such merchant.' })
    const before = await lockStaffSession(tx, opts.sessionId)
    await tx.session.update({ where: { id: opts.sessionId }, data: { staffMerchantId: merchant.id, staffActing: acting } })
    if (before.staffActing && before.staffMerchantId !== null) {
      // Acting on the merchant open until now ends here: its audit must show it ended.
      await recordAudit(tx, {
        actor: opts.actor,
        merchantId: before.staffMerchantId,
        action: 'staff.acting_stopped',
        subject: { type: 'merchant', id: before.staffMerchantId },
        before: { acting: true },
        after: { acting: false, closed: before.staffMerchantId !== merchant.id },
        at: opts.now,
      })
    }
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: merchant.id,
      action: 'staff.merchant_opened',
      subject: { type: 'merchant', id: merchant.id },
      before: before.staffMerchantId === merchant.id ? { acting: before.staffActing } : null,
      after: { acting },
      at: opts.now,
    })
    return { merchantId: merchant.id, merchantName: merchant.name, acting }
  })
}
