// The order list's page as ONE named statement (ADR 0014): the count, the exact match pinned to
// the top of page 1, the page's other orders newest first, their ship-to address and line count.
// Four texts, one per shape of filter (with or without a search, with or without a status): a
// text's conditions are all index conditions, never `$n IS NULL OR …`, which a generic plan
// (the one PostgreSQL settles on for a named statement after five runs) could only filter on.
import 'server-only'
import { prepared, type PreparedStatement } from '@/lib/db/prepared'

/** The order summary's columns, read the same way for the pinned match and the page. */
const COLUMNS = `o.reference, o.status::text AS status, o."bmState", o."placedAt", o."countryCode", o.currency,
       o."totalPrice"::text AS "totalPrice", o.id`

// "Newest first" as the (merchantId, placedAt desc) index keeps it (DESC puts orders without a
// date first, like Prisma's `desc`); the reference, unique per merchant, breaks ties so that pages
// never overlap or skip an order.
const newestFirst = (t: string) => `${t}."placedAt" DESC, ${t}.reference`

/** The page's rows (`page`) with what the list shows of each, and the count, even past the end. */
const summaries = (total: string) => `
SELECT t.n AS total, p.reference, p.status, p."bmState", p."placedAt", p."countryCode", p.currency, p."totalPrice",
       a."firstName", a."lastName", a.city, a.country,
       (SELECT count(*) FROM "OrderLine" l WHERE l."orderId" = p.id) AS "lineCount"
  FROM (${total}) t
  LEFT JOIN page p ON true
  LEFT JOIN "OrderAddress" a ON a."orderId" = p.id AND a.kind = 'CURRENT'
 ORDER BY p.pin, ${newestFirst('p')}`

/**
 * Without a search: $1 merchant, $2 offset, $3 page size[, $4 status].
 * The count is an index-only scan; the page walks (merchantId, placedAt desc).
 */
function listText(withStatus: boolean): string {
  const where = `o."merchantId" = $1::uuid${withStatus ? ` AND o.status = $4::"OrderStatus"` : ''}`
  return `
WITH page AS (
  SELECT ${COLUMNS}, 1 AS pin FROM "Order" o WHERE ${where}
   ORDER BY ${newestFirst('o')} OFFSET $2::bigint LIMIT $3::int
)${summaries(`SELECT count(*) AS n FROM "Order" o WHERE ${where}`)}`
}

/**
 * With a search: $1 merchant, $2 the text (also the range's first reference), $3 the range's
 * last, $4 its LIKE pattern, $5 offset, $6 page size[, $7 status]. The match whose reference is
 * the text itself comes first on page 1; the others follow newest first, shifted by one slot on
 * every page when it exists (so pages neither repeat nor skip an order).
 */
function searchText(withStatus: boolean): string {
  const status = withStatus ? ` AND o.status = $7::"OrderStatus"` : ''
  const matches = `o."merchantId" = $1::uuid AND o.reference BETWEEN $2 AND $3 AND o.reference LIKE $4${status}`
  return `
WITH exact AS MATERIALIZED (
  SELECT ${COLUMNS}, 0 AS pin FROM "Order" o WHERE o."merchantId" = $1::uuid AND o.reference = $2${status}
), page AS (
  SELECT * FROM exact WHERE $5::bigint = 0
  UNION ALL
  (SELECT ${COLUMNS}, 1 AS pin FROM "Order" o WHERE ${matches} AND o.reference <> $2
    ORDER BY ${newestFirst('o')}
   OFFSET greatest(0, $5::bigint - (SELECT count(*) FROM exact))
    LIMIT $6::int - CASE WHEN $5::bigint = 0 THEN (SELECT count(*) FROM exact) ELSE 0 END)
)${summaries(`SELECT count(*) AS n FROM "Order" o WHERE ${matches}`)}`
}

export const LIST_ORDERS = {
  list: prepared('orders_list', listText(false)),
  listByStatus: prepared('orders_list_status', listText(true)),
  search: prepared('orders_search', searchText(false)),
  searchByStatus: prepared('orders_search_status', searchText(true)),
} satisfies Record<string, PreparedStatement>

/** One row per order of the page; a page past the end is one row with the count and nulls. */
export type OrderSummaryRow = {
  total: number
  reference: string | null
  status: string | null
  bmState: number | null
  placedAt: Date | null
  countryCode: string | null
  currency: string | null
  totalPrice: string | null
  firstName: string | null
  lastName: string | null
  city: string | null
  country: string | null
  lineCount: number | null
}
