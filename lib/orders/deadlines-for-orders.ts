// The cut-offs of some of the merchant's orders (lib/orders/deadlines), read in one query. The
// payment date and the lines' shipping delays exist only in Back Market's payload, so they are
// taken out of bmSnapshot in SQL rather than shipping the whole payload to Node.
import 'server-only'
import { z } from 'zod'
import { parseBmDateTime } from '@/lib/backmarket/datetime'
import { ORDERLINE_STATE } from '@/lib/backmarket/states'
import { db } from '@/lib/db'
import { orderDeadlines, type OrderDeadlines } from '@/lib/orders/deadlines'

const Row = z.object({
  reference: z.string(),
  placedAt: z.date().nullable(),
  expectedDispatchAt: z.date().nullable(),
  datePayment: z.string().nullable(),
  shippingDelays: z.array(z.unknown()).catch([]),
  awaitingAcceptance: z.boolean(),
})

// Back Market sends integers, sometimes as strings (bmIntOrNull in lib/backmarket/schemas).
function hours(value: unknown): number[] {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? [n] : []
}

/** By reference; a reference that is not the merchant's is simply absent from the map. */
export async function deadlinesForOrders(opts: { merchantId: string; references: string[]; now?: Date }): Promise<Map<string, OrderDeadlines>> {
  const now = opts.now ?? new Date()
  if (opts.references.length === 0) return new Map()
  const raw = await db.$queryRaw<unknown[]>`
    SELECT o.reference, o."placedAt", o."expectedDispatchAt",
           o."bmSnapshot"->>'date_payment' AS "datePayment",
           jsonb_path_query_array(o."bmSnapshot", '$.orderlines[*].shipping_delay') AS "shippingDelays",
           EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l."bmState" = ${ORDERLINE_STATE.TO_ACCEPT}) AS "awaitingAcceptance"
    FROM "Order" o
    WHERE o."merchantId" = ${opts.merchantId}::uuid AND o.reference = ANY(${opts.references})`
  const result = new Map<string, OrderDeadlines>()
  for (const r of raw.map((row) => Row.parse(row))) {
    const input = {
      placedAt: r.placedAt,
      paidAt: r.datePayment ? parseBmDateTime(r.datePayment) : null,
      expectedDispatchAt: r.expectedDispatchAt,
      shippingDelaysHours: r.shippingDelays.flatMap(hours),
      awaitingAcceptance: r.awaitingAcceptance,
    }
    result.set(r.reference, orderDeadlines(input, now))
  }
  return result
}
