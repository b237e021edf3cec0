// The staff's Merchants overview: every merchant with what tells support whom to call first (open
// issues, blocked orders, oldest open failure, nearest Back Market cut-off, connection, last
// import), sorted by impact (overview-rules.ts), a page at a time.
//
// One statement for every merchant, each figure a GROUP BY over the rows that matter (never one
// query per merchant): active issues from the kept MerchantHealth summary, blocked and
// open orders through Order (merchantId, status, reference) limited to the statuses in which an
// order can still block or miss a cut-off, the last import one probe of ImportRun (merchantId,
// startedAt desc) per merchant. What grows with the data is the open orders (the shipped
// history is not read) and the active issues; the page's charts are read for its merchants only.
// Sorting needs every merchant's figures, so it happens on these small rows (~1,000 × a dozen
// fields), in Node, with the pure comparator, and so does paging (a slice of the sorted rows): the
// statement has no ORDER BY or LIMIT to keep in step with it, and the comparator's last key (id)
// makes every page the same whatever order PostgreSQL returns the rows in. Measured (app/api/staff/merchants/route.test.ts):
// 1,000 merchants with 20,000 open orders, ~370 ms warm for the statement (~740 ms cold), ~650 ms
// for the route with a page's charts. Its cost grows with open orders (each one's snapshot is read
// for its cut-off); past that, keep each order's cut-off in a column set at import.
import 'server-only'
import { z } from 'zod'
import { parseBmDateTime } from '@/lib/backmarket/datetime'
import { ORDERLINE_STATE } from '@/lib/backmarket/states'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { REJECTABLE_STATUSES } from '@/lib/orders/address-blocked'
import { ACCEPTANCE_WINDOW_HOURS, orderDeadlines, type OrderDeadlines } from '@/lib/orders/deadlines'
import { compareByImpact, connectionStateOf, type ConnectionState } from './overview-rules'

export const OVERVIEW_PAGE_SIZE = 50

export type MerchantOverviewRow = {
  id: string
  name: string
  markets: string[]
  timeZone: string
  connection: ConnectionState
  openIssues: number
  addressErrors: number
  carrierRefusals: number
  blockedOrders: number
  oldestFailureAt: Date | null
  deadline: { reference: string; deadlines: OrderDeadlines } | null
  lastImport: { status: 'RUNNING' | 'SUCCEEDED' | 'FAILED'; startedAt: Date; finishedAt: Date | null; error: string | null } | null
}

export type MerchantsOverview = { total: number; page: number; pageCount: number; rows: MerchantOverviewRow[] }

const Row = z.object({
  id: z.string(),
  name: z.string(),
  markets: z.array(z.string()),
  timeZone: z.string(),
  connected: z.boolean(),
  tokenRefusedAt: z.date().nullable(),
  degradedAt: z.date().nullable(),
  openIssues: z.number(),
  oldestFailureAt: z.date().nullable(),
  addressErrors: z.number(),
  carrierRefusals: z.number(),
  blockedOrders: z.number(),
  deadlineReference: z.string().nullable(),
  placedAt: z.date().nullable(),
  expectedDispatchAt: z.date().nullable(),
  datePayment: z.string().nullable(),
  shippingDelays: z.array(z.unknown()).nullable().catch([]),
  awaitingAcceptance: z.boolean().nullable(),
  importStatus: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']).nullable(),
  importStartedAt: z.date().nullable(),
  importFinishedAt: z.date().nullable(),
  importError: z.string().nullable(),
})
type Row = z.infer<typeof Row>

export async function listMerchantsOverview(opts: { page?: number; now?: Date } = {}): Promise<MerchantsOverview> {
  const now = opts.now ?? new Date()
  const raw = await db.$queryRaw<unknown[]>(overviewSql())
  const rows = raw.map((r) => toOverviewRow(Row.parse(r), now))
  rows.sort((a, b) => compareByImpact({ ...a, deadline: a.deadline?.deadlines ?? null }, { ...b, deadline: b.deadline?.deadlines ?? null }))
  const pageCount = Math.max(1, Math.ceil(rows.length / OVERVIEW_PAGE_SIZE))
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount)
  return { total: rows.length, page, pageCount, rows: rows.slice((page - 1) * OVERVIEW_PAGE_SIZE, page * OVERVIEW_PAGE_SIZE) }
}

function toOverviewRow(r: Row, now: Date): MerchantOverviewRow {
  // The candidate order is chosen in SQL; its cut-offs are computed by the same pure rules the
  // Errors tab uses (lib/orders/deadlines.ts), from the same fields.
  const deadline =
    r.deadlineReference === null
      ? null
      : {
          reference: r.deadlineReference,
          deadlines: orderDeadlines(
            {
              placedAt: r.placedAt,
              paidAt: r.datePayment ? parseBmDateTime(r.datePayment) : null,
              expectedDispatchAt: r.expectedDispatchAt,
              shippingDelaysHours: (r.shippingDelays ?? []).flatMap(hours),
              awaitingAcceptance: r.awaitingAcceptance ?? false,
            },
            now,
          ),
        }
  return {
    id: r.id,
    name: r.name,
    markets: r.markets,
    timeZone: r.timeZone,
    connection: connectionStateOf({ connected: r.connected, tokenRefusedAt: r.tokenRefusedAt, degradedAt: r.degradedAt }),
    openIssues: r.openIssues,
    addressErrors: r.addressErrors,
    carrierRefusals: r.carrierRefusals,
    blockedOrders: r.blockedOrders,
    oldestFailureAt: r.oldestFailureAt,
    deadline,
    lastImport:
      r.importStatus && r.importStartedAt
        ? { status: r.importStatus, startedAt: r.importStartedAt, finishedAt: r.importFinishedAt, error: r.importError }
        : null,
  }
}

// Back Market sends integers, sometimes as strings (as lib/orders/deadlines-for-orders.ts reads them).
function hours(value: unknown): number[] {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? [n] : []
}

const OPEN_STATUSES = Prisma.join(REJECTABLE_STATUSES.map((s) => Prisma.sql`${s}::"OrderStatus"`))

function overviewSql(): Prisma.Sql {
  // The cut-off that applies to an order (lib/orders/deadlines.ts orderDeadlines), in SQL only to
  // pick each merchant's nearest: the shipping cut-off (expected_dispatch_date, else placement +
  // the strictest line's shipping_delay), and while a line awaits acceptance the assumed
  // acceptance cut-off (payment, else placement, + ACCEPTANCE_WINDOW_HOURS). A payment date with
  // no offset is UTC, as parseBmDateTime reads it; one PostgreSQL cannot read is left out.
  const payment = Prisma.sql`o."bmSnapshot"->>'date_payment'`
  return Prisma.sql`
    -- Per merchant (LATERAL): each probe uses the (merchantId, status, …) index; a global
    -- WHERE status IN (…) would scan every order and issue ever kept.
    WITH open_orders AS (
      SELECT o.id, o."merchantId", o.reference, o.status, o."addressIssues", o."carrierRejectedAt", o."placedAt", o."expectedDispatchAt",
             ${payment} AS "datePayment",
             CASE WHEN ${payment} ~ '(Z|z|[+-][0-9]{2}:?[0-9]{2})$' AND pg_input_is_valid(${payment}, 'timestamptz')
                    THEN (${payment})::timestamptz AT TIME ZONE 'UTC'
                  WHEN pg_input_is_valid(${payment}, 'timestamp') THEN (${payment})::timestamp END AS "paidAt",
             jsonb_path_query_array(o."bmSnapshot", '$.orderlines[*].shipping_delay') AS "shippingDelays",
             -- A probe of the order's lines by the (orderId, …) index. Not EXISTS: PostgreSQL turns
             -- that into one hashed pass over every line to accept in the table (a sequential scan
             -- of OrderLine, 200 ms of the 355 at 1M orders, bench:dashboard's plans); a LIMIT 1
             -- subquery is probed per open order (~8 per merchant), a few index pages each.
             coalesce((SELECT true FROM "OrderLine" l WHERE l."orderId" = o.id AND l."bmState" = ${ORDERLINE_STATE.TO_ACCEPT} LIMIT 1), false) AS "awaitingAcceptance"
        FROM "Merchant" m CROSS JOIN LATERAL (
          SELECT * FROM "Order" WHERE "merchantId" = m.id AND status IN (${OPEN_STATUSES})
        ) o
    ),
    cutoffs AS (
      SELECT *, least(
               coalesce("expectedDispatchAt", "placedAt" + (
                 SELECT min(trim(d #>> '{}')::int) FROM jsonb_array_elements("shippingDelays") d
                  WHERE (d #>> '{}') ~ '^\\s*[0-9]{1,6}\\s*$' AND trim(d #>> '{}')::int > 0) * interval '1 hour'),
               CASE WHEN "awaitingAcceptance" THEN coalesce("paidAt", "placedAt") + ${ACCEPTANCE_WINDOW_HOURS} * interval '1 hour' END
             ) AS applies
        FROM open_orders
    ),
    blocked AS (
      SELECT "merchantId",
             count(*) FILTER (WHERE status = 'CREATED' AND "addressIssues" @> '[{"severity":"error"}]')::int AS "addressErrors",
             count(*) FILTER (WHERE "carrierRejectedAt" IS NOT NULL)::int AS "carrierRefusals",
             count(*) FILTER (WHERE (status = 'CREATED' AND "addressIssues" @> '[{"severity":"error"}]') OR "carrierRejectedAt" IS NOT NULL)::int AS "blockedOrders"
        FROM open_orders GROUP BY "merchantId"
    ),
    nearest AS (
      SELECT DISTINCT ON ("merchantId") "merchantId", reference, "placedAt", "expectedDispatchAt", "datePayment", "awaitingAcceptance", "shippingDelays"
        FROM cutoffs WHERE applies IS NOT NULL
       ORDER BY "merchantId", applies, reference
    )
    SELECT m.id::text, m.name, m."bmMarkets" AS markets, m."timeZone", m."bmTokenEncrypted" IS NOT NULL AS connected,
           m."bmTokenRefusedAt" AS "tokenRefusedAt", m."connectionDegradedAt" AS "degradedAt",
           coalesce(h."openIssues" + h."retryingIssues", 0) AS "openIssues", h."issuesSince" AS "oldestFailureAt",
           coalesce(b."addressErrors", 0) AS "addressErrors", coalesce(b."carrierRefusals", 0) AS "carrierRefusals",
           coalesce(b."blockedOrders", 0) AS "blockedOrders",
           n.reference AS "deadlineReference", n."placedAt", n."expectedDispatchAt", n."datePayment", n."shippingDelays", n."awaitingAcceptance",
           r.status::text AS "importStatus", r."startedAt" AS "importStartedAt", r."finishedAt" AS "importFinishedAt", r.error AS "importError"
      FROM "Merchant" m
      -- Active issues and the oldest one's first failure from the banner's per-merchant summary
      -- (lib/sync/health: kept exact in the same transaction as every issue change): one row per
      -- merchant, where counting each merchant's active SyncIssue rows was the statement's second
      -- cost (46 of 355 ms at 1,000 merchants, growing with merchants and issues). No row yet: none.
      LEFT JOIN "MerchantHealth" h ON h."merchantId" = m.id
      LEFT JOIN blocked b ON b."merchantId" = m.id
      LEFT JOIN nearest n ON n."merchantId" = m.id
      LEFT JOIN LATERAL (
        SELECT status, "startedAt", "finishedAt", error FROM "ImportRun" WHERE "merchantId" = m.id ORDER BY "startedAt" DESC LIMIT 1
      ) r ON true`
}
