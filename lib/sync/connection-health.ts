// The "Connection issues" banner (docs/backmarket.md §2.1, mirroring Cubyn): did a parcel_update or
// stock_update call fail this week, what is still open (however old), and the last 20 failures
// with where their issue stands now. Repeated identical failures (same operation, order or SKU,
// HTTP status, error kind and message) are one row with a count and first/last time: one SKU
// failing at every stock move must not push the order errors out of sight. The banner sits on
// every page and is polled: it reads the merchant's summary kept by each sync outcome
// (lib/sync/health/keep-health.ts) — one row, plus at most 20 failure groups and their issues —
// in one prepared statement (ADR 0014).
import 'server-only'
import { prepared, runPrepared } from '@/lib/db/prepared'
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
  /**
   * The newest failure's time. `count` and `firstAt` are the row's streak: how many times it failed
   * since `firstAt` with no gap of more than 7 days (so `firstAt` may be older than the week).
   */
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
  parcelFailedAt: Date | null
  stockFailedAt: Date | null
  openIssues: number
  retryingIssues: number
  affectedOrders: number
  affectedSkus: number
  issuesSince: Date | null
  nextRetryAt: Date | null
  lastResolvedAt: Date | null
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

// The merchant's row, its summary (none yet: nothing ever failed) and the 20 newest failure groups
// of the week off the index (merchantId, lastAt desc, lastAttemptId desc), each with its issue as
// it stands now. Dates travel as UTC text, compared as `timestamp` (lib/db/prepared.ts).
const CONNECTION_HEALTH = prepared(
  'connection_health',
  `SELECT m."bmTokenEncrypted" IS NOT NULL AS "bmConnected", m."bmTokenRefusedAt", m."bmTokenRefusal",
          h."parcelFailedAt", h."stockFailedAt",
          coalesce(h."openIssues", 0) AS "openIssues", coalesce(h."retryingIssues", 0) AS "retryingIssues",
          coalesce(h."affectedOrders", 0) AS "affectedOrders", coalesce(h."affectedSkus", 0) AS "affectedSkus",
          h."issuesSince", h."nextRetryAt", h."lastResolvedAt", e.*
     FROM "Merchant" m
     LEFT JOIN "MerchantHealth" h ON h."merchantId" = m.id
     LEFT JOIN LATERAL (
       SELECT g.id, g.at, g."firstAt", g.count, g.operation, g.reference, g.sku, g."httpStatus", g.message,
              i.id AS "issueId", i.status AS "issueStatus", i.kind AS "issueKind"
         FROM (
           SELECT "lastAttemptId" AS id, "lastAt" AS at, "firstAt", count, operation, reference, sku, "httpStatus", message, "issueId"
             FROM "SyncFailureGroup"
            WHERE "merchantId" = m.id AND "lastAt" >= $2::timestamp AND "lastAt" <= $3::timestamp
            ORDER BY "lastAt" DESC, "lastAttemptId" DESC
            LIMIT $4
         ) g
         -- Each of the (at most 20) rows' issue by its key, after the limit.
         LEFT JOIN "SyncIssue" i ON i.id = g."issueId"
     ) e ON true
    WHERE m.id = $1::uuid
    ORDER BY e.at DESC NULLS LAST, e.id DESC`,
)

/** Whether the time falls in the banner's week [since, now]. */
function inWindow(at: Date | null, since: Date, now: Date): at is Date {
  return at !== null && at >= since && at <= now
}

export async function getConnectionHealth(opts: { merchantId: string; now?: Date }): Promise<ConnectionHealth> {
  const now = opts.now ?? new Date()
  const since = bannerWindowStart(now)
  const rows = await runPrepared<Row>(CONNECTION_HEALTH, [opts.merchantId, since, now, BANNER_ERROR_LIMIT])
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
    flows: { parcelUpdate: inWindow(first.parcelFailedAt, since, now), stockUpdate: inWindow(first.stockFailedAt, since, now) },
    impact: {
      openIssues: first.openIssues,
      retryingIssues: first.retryingIssues,
      affectedOrders: first.affectedOrders,
      affectedSkus: first.affectedSkus,
      since: first.issuesSince,
      nextRetryAt: first.nextRetryAt,
      // The last issue closed this week: when the connection came back.
      recoveredAt: state === 'recovered' && inWindow(first.lastResolvedAt, since, now) ? first.lastResolvedAt : null,
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
