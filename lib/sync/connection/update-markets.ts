// Changing the markets alone (the token stays): the first is the Accept-Language of every call.
// Audited as a settings change with the markets before and after; an unchanged list changes nothing.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'

export async function updateMarkets(opts: { merchantId: string; markets: readonly string[]; actor: AuditActor; now?: Date }): Promise<{ changed: boolean; markets: string[] }> {
  const markets = [...opts.markets]
  return db.$transaction(async (tx) => {
    // Locked, so two changes at once each record the list the other left.
    const rows = await tx.$queryRaw<{ bmMarkets: string[] }[]>`SELECT "bmMarkets" FROM "Merchant" WHERE id = ${opts.merchantId}::uuid FOR NO KEY UPDATE`
    const before = rows[0]?.bmMarkets ?? []
    if (before.length === markets.length && before.every((m, i) => m === markets[i])) return { changed: false, markets }
    await tx.merchant.update({ where: { id: opts.merchantId }, data: { bmMarkets: markets, bmMarket: markets[0] } })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'merchant.settings_updated',
      subject: { type: 'merchant', id: opts.merchantId },
      before: { markets: before },
      after: { markets },
      at: opts.now,
    })
    return { changed: true, markets }
  })
}
