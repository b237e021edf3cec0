// The statements that keep MerchantHealth and SyncFailureGroup exact, shared by the write paths
// (keep-health.ts) and the rebuild (rebuild-health-sql.ts) so that both say the same thing.
import { failureGroupKeySql, FAILED_OUTCOMES_SQL, PARCEL_OPERATIONS_SQL, STREAK_GAP_SQL } from './failure-group-key'

/**
 * A failed call's group is linked to the issue its run records within this long after the call
 * (a run records its failure as soon as the failing call returns: milliseconds later). The records
 * cannot tell which task recorded an issue, only when, so the rebuild links by the same window:
 * wide enough for one run, narrow enough that the next task's issue of the same order or SKU is
 * not taken for this failure's.
 */
export const ISSUE_LINK_WINDOW_SQL = `interval '1 minute'`

/**
 * A failed attempt ($1) into its group: a new group, or the next failure of its streak (a failure
 * more than 7 days after the group's last one starts the streak again). The newest failure names
 * the row (its attempt, its task); the issue it belongs to is linked when its run records it.
 */
export const UPSERT_FAILURE_GROUP = `
  INSERT INTO "SyncFailureGroup" AS g (id, "merchantId", "groupKey", operation, reference, sku, "httpStatus", "errorKind", message,
                                       count, "firstAt", "lastAt", "lastAttemptId", "lastTaskId", "issueId")
  SELECT gen_random_uuid(), a."merchantId", ${failureGroupKeySql('a')}, a.operation, a.reference, a.sku, a."httpStatus", a."errorKind", a.message,
         1, a."createdAt", a."createdAt", a.id, a."taskId", NULL
    FROM "SyncAttempt" a
   WHERE a.id = $1::uuid AND a.outcome IN ${FAILED_OUTCOMES_SQL}
  ON CONFLICT ("merchantId", "groupKey") DO UPDATE SET
    count = CASE WHEN EXCLUDED."lastAt" > g."lastAt" + ${STREAK_GAP_SQL} THEN 1 ELSE g.count + 1 END,
    "firstAt" = CASE WHEN EXCLUDED."lastAt" > g."lastAt" + ${STREAK_GAP_SQL} THEN EXCLUDED."lastAt" ELSE least(g."firstAt", EXCLUDED."firstAt") END,
    "lastAt" = greatest(g."lastAt", EXCLUDED."lastAt"),
    "lastAttemptId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN EXCLUDED."lastAttemptId" ELSE g."lastAttemptId" END,
    "lastTaskId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN EXCLUDED."lastTaskId" ELSE g."lastTaskId" END,
    "issueId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN NULL ELSE g."issueId" END`

/**
 * The merchant's summary row, locked (made if missing) and its version bumped: every change to it
 * goes through here first, so changes of one merchant serialize and each recomputes from what the
 * previous ones committed. $1 merchant.
 */
export const LOCK_MERCHANT_HEALTH = `
  INSERT INTO "MerchantHealth" ("merchantId", version, "updatedAt") VALUES ($1::uuid, 1, now() AT TIME ZONE 'UTC')
  ON CONFLICT ("merchantId") DO UPDATE SET version = "MerchantHealth".version + 1, "updatedAt" = EXCLUDED."updatedAt"`

/** After a failed attempt ($2, at $3, locked by LOCK_MERCHANT_HEALTH): the newest failure of its flow. */
export const MOVE_FLOW_FAILED_AT = `
  UPDATE "MerchantHealth"
     SET "parcelFailedAt" = CASE WHEN $2::text IN ${PARCEL_OPERATIONS_SQL} THEN greatest("parcelFailedAt", $3::timestamp) ELSE "parcelFailedAt" END,
         "stockFailedAt" = CASE WHEN $2::text = 'STOCK' THEN greatest("stockFailedAt", $3::timestamp) ELSE "stockFailedAt" END
   WHERE "merchantId" = $1::uuid`

/** The issue fields of the summary, in this order. */
export const ISSUE_FIELDS = `"openIssues", "retryingIssues", "affectedOrders", "affectedSkus", "issuesSince", "nextRetryAt"`

/** The same fields, aggregated over active SyncIssue rows (aliased i). */
export const ISSUE_AGGREGATES = `
  count(*) FILTER (WHERE i.status = 'OPEN')::int, count(*) FILTER (WHERE i.status = 'RETRYING')::int,
  count(DISTINCT i."orderId")::int, count(DISTINCT i.sku)::int,
  min(i."firstSeenAt"), min(i."nextRetryAt") FILTER (WHERE i.status = 'RETRYING')`

export const ACTIVE_ISSUE_STATUSES_SQL = `('OPEN', 'RETRYING')`

/**
 * After an issue changed (locked by LOCK_MERCHANT_HEALTH, in a later statement so that it reads
 * what the changes before it committed): its issue fields recomputed, and the newest resolution
 * ($2, or null) kept. $1 merchant.
 */
export const RECOMPUTE_ISSUE_FIELDS = `
  UPDATE "MerchantHealth" h
     SET (${ISSUE_FIELDS}) = (
           -- An index scan of the merchant's active issues.
           SELECT ${ISSUE_AGGREGATES} FROM "SyncIssue" i WHERE i."merchantId" = h."merchantId" AND i.status IN ${ACTIVE_ISSUE_STATUSES_SQL}),
         "lastResolvedAt" = greatest(h."lastResolvedAt", $2::timestamp)
   WHERE h."merchantId" = $1::uuid`

/**
 * The groups whose newest failure this task's run made ($2, within the link window before $4) and
 * that no issue claims yet: the issue ($3) the run just recorded is theirs. $1 merchant.
 */
export const LINK_GROUPS_TO_ISSUE = `
  UPDATE "SyncFailureGroup"
     SET "issueId" = $3::uuid
   WHERE "merchantId" = $1::uuid AND "lastTaskId" = $2::uuid AND "issueId" IS NULL
     AND "lastAt" > $4::timestamp - ${ISSUE_LINK_WINDOW_SQL} AND "lastAt" <= $4::timestamp`
