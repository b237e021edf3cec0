// The Errors tab's query string: one schema for GET /api/errors and the /errors page, so a shared
// URL means the same thing in both.
import { z } from 'zod'
import { INT4_MAX } from '@/lib/input/int-bounds'
import { ORDER_REFERENCE_PATTERN } from '@/lib/orders/order-reference'

export const ADDRESS_ERRORS_PAGE_SIZE = 25
export const ADDRESS_ERROR_SORTS = ['urgency', 'newest'] as const
export type AddressErrorSort = (typeof ADDRESS_ERROR_SORTS)[number]

// An empty search box submits `q=`: that means "no filter".
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const ListAddressErrorsQuerySchema = z.object({
  q: z.preprocess(
    blankAsUndefined,
    z.string().trim().regex(ORDER_REFERENCE_PATTERN, { error: 'Search by order number: digits only, up to 32' }).optional(),
  ),
  sort: z.preprocess(blankAsUndefined, z.enum(ADDRESS_ERROR_SORTS, { error: 'Sort by urgency or newest' }).default('urgency')),
  page: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'Must be a number' }).int({ error: 'Must be a whole number' }).min(1, { error: 'Must be 1 or more' }).max(INT4_MAX, { error: 'No such page' }).default(1),
  ),
})

export type ListAddressErrorsQuery = z.output<typeof ListAddressErrorsQuerySchema>

/** Next hands a page its query as string | string[]; a repeated key keeps its first value. */
export function parseAddressErrorsSearchParams(raw: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  return ListAddressErrorsQuerySchema.safeParse(flat)
}

/** The shareable URL of a view of the Errors tab; defaults are left out. */
export function addressErrorsHref(query: Partial<ListAddressErrorsQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.sort && query.sort !== 'urgency') params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const qs = params.toString()
  return qs ? `/errors?${qs}` : '/errors'
}
