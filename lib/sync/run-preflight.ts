// Gathers the facts for a pre-flight (live from Back Market, through the merchant's shared rate
// limit) and evaluates them. Reads only: a pre-flight never changes anything on Back Market.
import 'server-only'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import type { SyncOperation } from '@/lib/generated/prisma/enums'
import { backMarketClientFor } from './backmarket-client-for'
import { bmSkusFor } from './bm-sku-for'
import { evaluateOrderPreflight, evaluateStockPreflight, type PreflightVerdict } from './preflight-rules'
import { backMarketRequestLimiter } from './backmarket-limits'

type ReadError = 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable'

function readError(err: unknown): ReadError {
  if (!(err instanceof BackMarketError)) throw err
  if (err.kind === 'not_found' || err.kind === 'unauthorized' || err.kind === 'forbidden') return err.kind
  return 'unreachable'
}

function countAddressErrors(issues: unknown): number {
  return Array.isArray(issues) ? issues.filter((i) => (i as { severity?: string })?.severity === 'error').length : 0
}

/** `maxWaitMs`: how long to wait for a cell of the merchant's budget (else AppError rate_limited). */
export async function runPreflight(opts: { merchantId: string; operation: SyncOperation; orderId?: string | null; sku?: string | null; maxWaitMs?: number }): Promise<PreflightVerdict> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: opts.merchantId }, select: { id: true, bmTokenEncrypted: true, bmMarket: true } })
  const client = backMarketClientFor(merchant)
  await backMarketRequestLimiter(opts.merchantId).acquire(1, { maxWaitMs: opts.maxWaitMs })

  if (opts.operation === 'STOCK') {
    const sku = opts.sku!
    const bmSku = (await bmSkusFor(opts.merchantId, [sku]))(sku)
    const bm = await client.getListingBySku(bmSku).then(
      (l) => ({ found: true as const, quantity: Number(l.quantity) }),
      (err) => ({ error: readError(err) }),
    )
    return evaluateStockPreflight({ sku, bm })
  }

  const order = await db.order.findFirstOrThrow({
    where: { id: opts.orderId!, merchantId: opts.merchantId },
    select: { reference: true, addressIssues: true, lines: { select: { sku: true, bmOrderlineId: true } } },
  })
  const bm = await client.getOrder(order.reference).then(
    (o) => ({ order: o }),
    (err) => ({ error: readError(err) }),
  )
  const bmSku = await bmSkusFor(opts.merchantId, order.lines.map((l) => l.sku))
  return evaluateOrderPreflight({
    operation: opts.operation,
    // A cancellation's task names our SKU; the lines below carry Back Market's.
    sku: opts.sku ? bmSku(opts.sku) : null,
    bm,
    lines: order.lines.map((l) => ({ sku: bmSku(l.sku), bmOrderlineId: String(l.bmOrderlineId) })),
    addressErrorCount: countAddressErrors(order.addressIssues),
  })
}
