// The "Connection issues" banner (docs/backmarket.md §2.1, mirroring Cubyn): did a parcel_update or
// stock_update call fail this week, what is still open (however old), and the last 20 failures
// with where their issue stands now. Repeated identical failures (same operation, order or SKU,
// HTTP status, error kind and message) are one row with a count and first/last time: one SKU
// failing at every stock move must not push the order errors out of sight. Read in one SQL
// statement: the banner sits on every page, so no N+1 and never more than 20 rows loaded.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import type { SyncIssueKind, SyncIssueStatus, SyncOperation } from '@/lib/generated/prisma/enums'
import {
  actionOf,
  bannerWindowStart,
  BANNER_ERROR_LIMIT,
  chooseState,
  errorMessage,
  flowOf,
  lifecycleOf,
  tokenStateOf,
  type ConnectionState,
  type TokenState,
  type ErrorLifecycle,
  type SyncAction,
  type SyncFlow,
} from './connection-health-rules'

export type ConnectionError = {
  /** The newest failure of the row (its raw answer is the one shown). */
  id: string
  /** The newest failure's time; `firstAt` the oldest's within the week, `count` how many. */
  at: Date
  firstAt: Date
  count: number
  operation: SyncFlow
  action: SyncAction
  reference: string | null
  sku: string | null
  httpStatus: number | null
  message: string
  lifecycle: ErrorLifecycle | null
  issueId: string | null
  kind: SyncIssueKind | null
}

export type ConnectionHealth = {
  showBanner: boolean
  state: ConnectionState
  /** The token: saved or not, refused by Back Market or not (then since when and its answer). */
  connection: { token: TokenState; refusedAt: Date | null; refusal: { status: number | null; message: string } | null }
  flows: { parcelUpdate: boolean; stockUpdate: boolean }
  impact: {
    openIssues: number
    retryingIssues: number
    affectedOrders: number
    affectedSkus: number
    since: Date | null
    nextRetryAt: Date | null
    recoveredAt: Date | null
  }
  errors: ConnectionError[]
}

type Row = {
  bmConnected: boolean
  bmTokenRefusedAt: Date | null
  bmTokenRefusal: { status?: unknown; message?: unknown } | null
  parcelFailed: boolean
  stockFailed: boolean
  openIssues: number
  retryingIssues: number
  affectedOrders: number
  affectedSkus: number
  issuesSince: Date | null
  nextRetryAt: Date | null
  recoveredAt: Date | null
  // Null on the single row returned when nothing failed this week.
  id: string | null
  at: Date | null
  firstAt: Date | null
  count: number | null
  operation: SyncOperation | null
  reference: string | null
  sku: string | null
  httpStatus: number | null
  message: string | null
  issueId: string | null
  issueStatus: SyncIssueStatus | null
  issueKind: SyncIssueKind | null
}

export async function getConnectionHealth(opts: { merchantId: string; now?: Date }): Promise<ConnectionHealth> {
  const now = opts.now ?? new Date()
  const rows = await db.$queryRaw<Row[]>(connectionHealthSql(opts.merchantId, bannerWindowStart(now), now))
  const first = rows[0]
  if (!first) throw new Error('connection health query returned no row')
  const errors = rows.flatMap(toError)
  const activeIssues = first.openIssues + first.retryingIssues
  const state = chooseState({ failedInWindow: errors.length > 0, activeIssues })
  const token = tokenStateOf({ connected: first.bmConnected, refusedAt: first.bmTokenRefusedAt })
  const refused = token === 'token_refused' ? first.bmTokenRefusal : null
  return {
    // An open issue blocks its order or SKU however long ago it last failed; a merchant we cannot
    // talk to at all (no token, or one refused) must know whatever the issues say.
    showBanner: errors.length > 0 || activeIssues > 0 || token !== 'connected',
    state,
    connection: {
      token,
      refusedAt: token === 'token_refused' ? first.bmTokenRefusedAt : null,
      refusal: refused
        ? { status: typeof refused.status === 'number' ? refused.status : null, message: typeof refused.message === 'string' ? refused.message : '' }
        : null,
    },
    flows: { parcelUpdate: first.parcelFailed, stockUpdate: first.stockFailed },
    impact: {
      openIssues: first.openIssues,
      retryingIssues: first.retryingIssues,
      affectedOrders: first.affectedOrders,
      affectedSkus: first.affectedSkus,
      since: first.issuesSince,
      nextRetryAt: first.nextRetryAt,
      recoveredAt: state === 'recovered' ? first.recoveredAt : null,
    },
    errors,
  }
}

function toError(row: Row): ConnectionError[] {
  if (row.id === null || row.at === null || row.firstAt === null || row.count === null || row.operation === null) return []
  return [
    {
      id: row.id,
      at: row.at,
      firstAt: row.firstAt,
      count: row.count,
      operation: flowOf(row.operation),
      action: actionOf(row.operation),
      reference: row.reference,
      sku: row.sku,
      httpStatus: row.httpStatus,
      message: errorMessage(row.message, row.httpStatus),
      lifecycle: lifecycleOf(row.issueStatus),
      issueId: row.issueId,
      kind: row.issueKind,
    },
  ]
}

/**
 * The engine stamps an attempt and its issue with separate clock readings (the attempt at insert,
 * the issue when recorded, possibly after the call returned), so the issue a failure opened may
 * start a little after the failure itself.
 */
const ISSUE_CLOCK_SKEW = Prisma.raw(`interval '1 minute'`)

// Dates travel as UTC text and the columns are timestamp(3) without time zone (Prisma stores UTC):
// casting to `timestamp`, never `timestamptz`, keeps the session time zone out of the comparison.
function connectionHealthSql(merchantId: string, since: Date, now: Date): Prisma.Sql {
  const m = Prisma.sql`${merchantId}::uuid`
  const inWindow = Prisma.sql`"createdAt" >= ${since}::timestamp AND "createdAt" <= ${now}::timestamp`
  const failedInWindow = Prisma.sql`"merchantId" = ${m} AND outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE') AND ${inWindow}`
  return Prisma.sql`
    -- Every failure of the week, grouped (a hash aggregate: no sort of the week's rows), so that
    -- "the last 20" are 20 distinct failures. An index on (merchantId, createdAt) bounds the scan
    -- to this merchant's week: 4,000 failures in it take ~3 ms, 16,000 ~14 ms (EXPLAIN ANALYZE).
    WITH grouped AS (
      SELECT operation, reference, sku, "httpStatus", "errorKind", message,
             count(*)::int AS count, min("createdAt") AS "firstAt", max("createdAt") AS "createdAt"
        FROM "SyncAttempt"
       WHERE ${failedInWindow}
       GROUP BY operation, reference, sku, "httpStatus", "errorKind", message
    ),
    -- The 20 newest rows, each with its newest attempt (its id, task and raw answer shown): one
    -- probe of the same index at the row's last time.
    failed AS (
      SELECT n.id, n."taskId", g.operation, g.reference, g.sku, g."httpStatus", g.message, g.count, g."firstAt", g."createdAt"
        FROM (SELECT * FROM grouped ORDER BY "createdAt" DESC LIMIT ${BANNER_ERROR_LIMIT}) g
        CROSS JOIN LATERAL (
          SELECT id, "taskId" FROM "SyncAttempt" a
           WHERE a."merchantId" = ${m} AND a.outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE') AND a."createdAt" = g."createdAt"
             AND a.operation = g.operation AND a.reference IS NOT DISTINCT FROM g.reference AND a.sku IS NOT DISTINCT FROM g.sku
             AND a."httpStatus" IS NOT DISTINCT FROM g."httpStatus" AND a."errorKind" IS NOT DISTINCT FROM g."errorKind"
             AND a.message IS NOT DISTINCT FROM g.message
           ORDER BY id DESC LIMIT 1
        ) n
    ),
    flows AS (
      SELECT coalesce(bool_or(operation IN ('ACCEPT', 'SHIP', 'CANCEL')), false) AS "parcelFailed",
             coalesce(bool_or(operation = 'STOCK'), false) AS "stockFailed"
        FROM grouped
    ),
    active AS (
      SELECT count(*) FILTER (WHERE status = 'OPEN')::int AS "openIssues",
             count(*) FILTER (WHERE status = 'RETRYING')::int AS "retryingIssues",
             count(DISTINCT "orderId")::int AS "affectedOrders",
             count(DISTINCT sku)::int AS "affectedSkus",
             min("firstSeenAt") AS "issuesSince",
             min("nextRetryAt") FILTER (WHERE status = 'RETRYING') AS "nextRetryAt"
        FROM "SyncIssue"
       WHERE "merchantId" = ${m} AND status IN ('OPEN', 'RETRYING')
    ),
    -- When the last issue closed. No index leads to it (an issue open for weeks may be the last
    -- to close), so it is looked up only when the answer is shown: failures, none active.
    recovered AS (
      SELECT CASE WHEN a."openIssues" + a."retryingIssues" = 0 AND EXISTS (SELECT 1 FROM failed) THEN (
               SELECT max("resolvedAt") FROM "SyncIssue"
                WHERE "merchantId" = ${m} AND status = 'RESOLVED'
                  AND "resolvedAt" >= ${since}::timestamp AND "resolvedAt" <= ${now}::timestamp)
             END AS "recoveredAt"
        FROM active a
    ),
    errors AS (
      SELECT f.id, f."createdAt" AS at, f."firstAt", f.count, f.operation, f.reference, f.sku, f."httpStatus", f.message,
             i.id AS "issueId", i.status AS "issueStatus", i.kind AS "issueKind"
        FROM failed f
        LEFT JOIN "SyncTask" t ON t.id = f."taskId"
        LEFT JOIN LATERAL (
          -- The attempt's group (operation + order, or SKU for stock); one branch each so that
          -- each uses its index. Issues of a group follow one another (resolved and dismissed are
          -- final; a later failure opens a new one), so the attempt belongs to the issue whose
          -- window [firstSeenAt, resolvedAt | dismissedAt | still active] holds it: preferably
          -- one that had started by then, else one opened within the clock skew after it.
          -- Every failure an issue holds moved its lastSeenAt, hence the range on lastSeenAt.
          SELECT g.id, g.status, g.kind FROM (
            SELECT id, status, kind, "firstSeenAt", "lastSeenAt", "resolvedAt", "dismissedAt"
              FROM "SyncIssue"
             WHERE f.operation <> 'STOCK' AND "orderId" = t."orderId" AND "merchantId" = ${m} AND operation = f.operation
            UNION ALL
            SELECT id, status, kind, "firstSeenAt", "lastSeenAt", "resolvedAt", "dismissedAt"
              FROM "SyncIssue"
             WHERE f.operation = 'STOCK' AND "merchantId" = ${m} AND "lastSeenAt" >= f."createdAt" - ${ISSUE_CLOCK_SKEW}
               AND sku = f.sku AND operation = 'STOCK'
          ) g
          WHERE g."firstSeenAt" <= f."createdAt" + ${ISSUE_CLOCK_SKEW}
            AND g."lastSeenAt" >= f."createdAt" - ${ISSUE_CLOCK_SKEW}
            AND (g.status IN ('OPEN', 'RETRYING')
                 OR f."createdAt" <= coalesce(CASE g.status WHEN 'RESOLVED' THEN g."resolvedAt" ELSE g."dismissedAt" END, g."lastSeenAt"))
          ORDER BY g."firstSeenAt" <= f."createdAt" DESC, g."firstSeenAt" DESC
          LIMIT 1
        ) i ON true
    )
    SELECT mc."bmConnected", mc."bmTokenRefusedAt", mc."bmTokenRefusal", fl."parcelFailed", fl."stockFailed", a.*, r."recoveredAt", e.*
      FROM (SELECT "bmTokenEncrypted" IS NOT NULL AS "bmConnected", "bmTokenRefusedAt", "bmTokenRefusal" FROM "Merchant" WHERE id = ${m}) mc
      CROSS JOIN flows fl CROSS JOIN active a CROSS JOIN recovered r
      LEFT JOIN errors e ON true
     ORDER BY e.at DESC NULLS LAST, e.id DESC`
}
