// Onboarding: the merchant (not connected yet: its admin enters the Back Market token in Settings)
// and its first admin's invitation, in one transaction with its audit row, so a failed invitation
// (an email already in use) leaves no merchant behind. The invitation link is returned once.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { fromZodError } from '@/lib/errors'
import { inviteUser } from '@/lib/users/invite-user'
import { OnboardMerchantSchema } from './onboard-merchant-schema'

export type OnboardedMerchant = {
  merchant: { id: string; name: string; markets: string[]; timeZone: string; locale: string }
  admin: { userId: string; name: string; email: string }
  invitation: { token: string; expiresAt: Date }
}

export async function onboardMerchant(opts: { actor: AuditActor; input: unknown; now?: Date }): Promise<OnboardedMerchant> {
  const parsed = OnboardMerchantSchema.safeParse(opts.input)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const { name, markets, timeZone, locale, admin } = parsed.data
  const now = opts.now ?? new Date()
  return db.$transaction(async (tx) => {
    const merchant = await tx.merchant.create({
      data: { name, bmMarkets: markets, bmMarket: markets[0], timeZone, locale, createdAt: now },
      select: { id: true, name: true, bmMarkets: true, timeZone: true, locale: true },
    })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: merchant.id,
      action: 'merchant.onboarded',
      subject: { type: 'merchant', id: merchant.id },
      after: { name, markets, timeZone, locale, admin: admin.email },
      at: now,
    })
    const invited = await inviteUser(tx, { merchantId: merchant.id, email: admin.email, name: admin.name, role: 'ADMIN', actor: opts.actor, now })
    return {
      merchant: { id: merchant.id, name: merchant.name, markets: merchant.bmMarkets, timeZone: merchant.timeZone, locale: merchant.locale },
      admin: { userId: invited.userId, name: admin.name, email: admin.email },
      invitation: { token: invited.token, expiresAt: invited.expiresAt },
    }
  })
}
