// An admin changes someone's role. Demoting the last active admin is refused (409).
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import type { MerchantRole } from '@/lib/auth/roles'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { assertAnotherActiveAdmin, findMerchantUserOrThrow, lockMerchant } from './merchant-users'

export async function changeUserRole({ merchantId, userId, role, actor }: { merchantId: string; userId: string; role: MerchantRole; actor: AuditActor }) {
  return db.$transaction(async (tx) => {
    await lockMerchant(tx, merchantId)
    const user = await findMerchantUserOrThrow(tx, merchantId, userId)
    if (user.deactivatedAt) {
      throw new AppError('conflict', {
        userMessage: 'This user was removed: invite them again with the same email (the invitation gives them this role).',
        details: { reason: 'removed' },
      })
    }
    if (user.role === role) return { id: user.id, role, changed: false }
    if (user.role === 'ADMIN') await assertAnotherActiveAdmin(tx, merchantId, user.id)
    // Compare-and-set on the role read above: a concurrent change makes this one a 409, not a silent overwrite.
    const { count } = await tx.user.updateMany({ where: { id: user.id, role: user.role, deactivatedAt: null }, data: { role } })
    if (count === 0) throw new AppError('conflict', { userMessage: 'Someone else changed this user first: reload and try again.' })
    await recordAudit(tx, {
      actor,
      merchantId,
      action: 'user.role_changed',
      subject: { type: 'user', id: user.id },
      before: { email: user.email, role: user.role },
      after: { email: user.email, role },
    })
    return { id: user.id, role, changed: true }
  })
}
