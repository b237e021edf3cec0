// The cursor of the lists in "newest first" order (orders, address errors): the last row's
// placedAt and reference (lib/orders/order-position.ts), short keys to keep URLs short.
import { z } from 'zod'
import { instant } from '@/lib/input/instant'
import type { OrderPosition } from '@/lib/orders/order-position'
import { ORDER_REFERENCE_PATTERN } from '@/lib/orders/order-reference'

export const OrderPositionCursor = z
  .object({ p: instant().nullable(), r: z.string().regex(ORDER_REFERENCE_PATTERN) })
  .strict()
  .transform(({ p, r }): OrderPosition => ({ placedAt: p === null ? null : new Date(p), reference: r }))

export function orderPositionCursor(row: OrderPosition): z.input<typeof OrderPositionCursor> {
  return { p: row.placedAt?.toISOString() ?? null, r: row.reference }
}
