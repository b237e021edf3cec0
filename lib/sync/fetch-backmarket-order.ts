// Reads one of our orders live from Back Market, for the order page's "Back Market now" panel.
// The order must belong to the merchant: another merchant's reference is a 404, never a call.
import 'server-only'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { backMarketClientFor } from './backmarket-client-for'

export async function fetchBackMarketOrder(opts: {
  merchantId: string
  reference: string
  /** How long it may wait for a cell of the merchant's request budget. */
  maxWaitMs?: number
}): Promise<{ fetchedAt: Date; order: BmOrder }> {
  const order = await db.order.findUnique({
    where: { merchantId_reference: { merchantId: opts.merchantId, reference: opts.reference } },
    select: { reference: true, merchant: { select: { id: true, bmTokenEncrypted: true, bmMarket: true } } },
  })
  if (!order) throw new AppError('not_found', { userMessage: `Order ${opts.reference} not found` })
  // Someone is looking at the page: a few seconds at most behind the sync engine's calls.
  const client = backMarketClientFor(order.merchant, { rateLimited: { maxWaitMs: opts.maxWaitMs ?? 5_000 } })
  const bmOrder = await client.getOrder(order.reference)
  return { fetchedAt: new Date(), order: bmOrder }
}
