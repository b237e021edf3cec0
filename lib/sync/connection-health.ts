// The "Connection issues" banner (notes Part 2, mirroring Cubyn): did a parcel_update or
// stock_update call fail this week, what is still open, and the last 20 failures with where
// their issue stands now. Read in one SQL statement: the banner sits on every page and is
// benchmarked against hand-written SQL, so no N+1 and never more than 20 attempts loaded.
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
  type ConnectionState,
  type ErrorLifecycle,
  type SyncAction,
  type SyncFlow,
} from './connection-health-rules'

export type ConnectionError = {
  id: string
  at: Date
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
  return {
    showBanner: errors.length > 0,
    state,
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
  if (row.id === null || row.at === null || row.operation === null) return []
  return [
    {
      id: row.id,
      at: row.at,
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
  // One branch per outcome: each walks (merchantId, outcome, createdAt desc) from the newest and
  // stops at 20, where `outcome IN (…)` would read the whole week and sort it.
  const newestWithOutcome = (outcome: 'TRANSIENT_FAILURE' | 'PERMANENT_FAILURE') => Prisma.sql`
    (SELECT id, "taskId", operation, reference, sku, "httpStatus", message, "createdAt"
       FROM "SyncAttempt"
      WHERE "merchantId" = ${m} AND outcome = ${Prisma.raw(`'${outcome}'`)} AND ${inWindow}
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${BANNER_ERROR_LIMIT})`
  return Prisma.sql`
    WITH failed AS (
      SELECT * FROM (${newestWithOutcome('TRANSIENT_FAILURE')} UNION ALL ${newestWithOutcome('PERMANENT_FAILURE')}) f
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${BANNER_ERROR_LIMIT}
    ),
    -- Fewer than 20 failures is the whole week: the flows follow from them. Only a full page
    -- can hide an older failure of the other flow, and only then is the index probed again.
    flows AS (
      SELECT
        coalesce(bool_or(operation IN ('ACCEPT', 'SHIP')), false) OR (count(*) = ${BANNER_ERROR_LIMIT} AND EXISTS (
          SELECT 1 FROM "SyncAttempt" WHERE "merchantId" = ${m} AND ${inWindow}
             AND outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE') AND operation IN ('ACCEPT', 'SHIP'))) AS "parcelFailed",
        coalesce(bool_or(operation = 'STOCK'), false) OR (count(*) = ${BANNER_ERROR_LIMIT} AND EXISTS (
          SELECT 1 FROM "SyncAttempt" WHERE "merchantId" = ${m} AND ${inWindow}
             AND outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE') AND operation = 'STOCK')) AS "stockFailed"
      FROM failed
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
      SELECT f.id, f."createdAt" AS at, f.operation, f.reference, f.sku, f."httpStatus", f.message,
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
    SELECT fl."parcelFailed", fl."stockFailed", a.*, r."recoveredAt", e.*
      FROM flows fl CROSS JOIN active a CROSS JOIN recovered r
      LEFT JOIN errors e ON true
     ORDER BY e.at DESC NULLS LAST, e.id DESC`
}
