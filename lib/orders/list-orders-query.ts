// The order list's query string: one schema for GET /api/orders and the /orders page, so a
// shared URL means the same thing in both.
import { z } from 'zod'
import { OrderStatus } from '@/lib/generated/prisma/enums'
import { ORDER_REFERENCE_PATTERN } from '@/lib/orders/order-reference'

export const DEFAULT_PAGE_SIZE = 25
export const MAX_PAGE_SIZE = 100

// An empty search box or "All statuses" submits `q=` / `status=`: that means "no filter".
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const ListOrdersQuerySchema = z.object({
  q: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .regex(ORDER_REFERENCE_PATTERN, { error: 'Search by order number: digits only, up to 32' })
      .optional(),
  ),
  status: z.preprocess(blankAsUndefined, z.enum(OrderStatus, { error: 'Unknown status' }).optional()),
  page: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'Must be a number' }).int({ error: 'Must be a whole number' }).min(1, { error: 'Must be 1 or more' }).default(1),
  ),
  pageSize: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: 'Must be a number' })
      .int({ error: 'Must be a whole number' })
      .min(1, { error: 'Must be 1 or more' })
      .max(MAX_PAGE_SIZE, { error: `Must be ${MAX_PAGE_SIZE} or less` })
      .default(DEFAULT_PAGE_SIZE),
  ),
})

export type ListOrdersQuery = z.output<typeof ListOrdersQuerySchema>
