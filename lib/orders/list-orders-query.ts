// The order list's query string: one schema for GET /api/orders and the /orders page, so a
// shared URL means the same thing in both.
import { z } from 'zod'
import { OrderStatus } from '@/lib/generated/prisma/enums'
import { INT4_MAX } from '@/lib/input/int-bounds'
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
    z.coerce.number({ error: 'Must be a number' }).int({ error: 'Must be a whole number' }).min(1, { error: 'Must be 1 or more' }).max(INT4_MAX, { error: 'No such page' }).default(1),
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

type RawSearchParams = Record<string, string | string[] | undefined>

/** Next hands a page its query as string | string[]; a repeated key keeps its first value. */
export function parseListOrdersSearchParams(raw: RawSearchParams) {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  return ListOrdersQuerySchema.safeParse(flat)
}

/** The shareable URL of a list view; defaults are left out so links stay short. */
export function ordersListHref(query: Partial<ListOrdersQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.status) params.set('status', query.status)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize))
  const qs = params.toString()
  return qs ? `/orders?${qs}` : '/orders'
}
