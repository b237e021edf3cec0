// The statements that keep MerchantHealth and SyncFailureGroup exact, shared by the write paths
// (keep-health.ts) and the rebuild (rebuild-health-sql.ts) so that both say the same thing.
import { failureGroupKeySql, FAILED_OUTCOMES_SQL, PARCEL_OPERATIONS_SQL, STREAK_GAP_SQL } from './failure-group-key'

/**
 * Which issue a failure group belongs to, one rule for the write paths and the rebuild, read from
 * the records alone (whether a run recorded an issue or not is nowhere kept, and many failures
 * record none: a confirmation read that failed, a cancellation's last read-back, a token refused,
 * a run whose claim was lost): the issue of the same target (its task's order and operation, or
 * SKU) that was active when the group's newest failure happened, else the first one of that
 * target opened within ISSUE_LINK_WINDOW_SQL after it (a run records its failure milliseconds
 * after the failing call). The write paths apply it twice: a failure takes the active issue
 * (UPSERT_FAILURE_GROUP), and an issue takes the failures of the minute before it opened
 * (LINK_GROUPS_TO_ISSUE).
 */
export const ISSUE_LINK_WINDOW_SQL = `interval '1 minute'`

/** What an issue is about, as one value: the order (and line SKU for a cancellation), or the SKU. */
export function issueTargetSql(operation: string, orderId: string, sku: string): string {
  return `CASE ${operation} WHEN 'STOCK' THEN ${sku} WHEN 'CANCEL' THEN ${orderId}::text || ':' || ${sku} ELSE ${orderId}::text END`
}

/** The group key of the active issue of a task's target (lib/sync/sync-keys.ts syncGroupKey), over the task aliased `t`. */
function activeIssueKeySql(t: string): string {
  return `CASE ${t}.operation WHEN 'STOCK' THEN 'STOCK:' || ${t}."merchantId"::text || ':' || ${t}.sku
                              WHEN 'CANCEL' THEN 'CANCEL:' || ${t}."orderId"::text || ':' || ${t}.sku
                              ELSE ${t}.operation::text || ':' || ${t}."orderId"::text END`
}

/**
 * A failed attempt ($1) into its group: a new group, or the next failure of its streak (a failure
 * more than 7 days after the group's last one starts the streak again). The newest failure names
 * the row (its attempt, its task) and its issue (ISSUE_LINK_WINDOW_SQL).
 */
export const UPSERT_FAILURE_GROUP = `
  INSERT INTO "SyncFailureGroup" AS g (id, "merchantId", "groupKey", operation, reference, sku, "httpStatus", "errorKind", message,
                                       count, "firstAt", "lastAt", "lastAttemptId", "lastTaskId", "issueId")
  SELECT gen_random_uuid(), a."merchantId", ${failureGroupKeySql('a')}, a.operation, a.reference, a.sku, a."httpStatus", a."errorKind", a.message,
         1, a."createdAt", a."createdAt", a.id, a."taskId", i.id
    FROM "SyncAttempt" a
    LEFT JOIN "SyncTask" t ON t.id = a."taskId"
    -- The target's active issue (by its unique group key), if it had opened by then (ISSUE_LINK_WINDOW_SQL).
    LEFT JOIN "SyncIssue" i ON i."groupKey" = ${activeIssueKeySql('t')} AND i."firstSeenAt" < a."createdAt" + ${ISSUE_LINK_WINDOW_SQL}
   WHERE a.id = $1::uuid AND a.outcome IN ${FAILED_OUTCOMES_SQL}
  ON CONFLICT ("merchantId", "groupKey") DO UPDATE SET
    count = CASE WHEN EXCLUDED."lastAt" > g."lastAt" + ${STREAK_GAP_SQL} THEN 1 ELSE g.count + 1 END,
    "firstAt" = CASE WHEN EXCLUDED."lastAt" > g."lastAt" + ${STREAK_GAP_SQL} THEN EXCLUDED."lastAt" ELSE least(g."firstAt", EXCLUDED."firstAt") END,
    "lastAt" = greatest(g."lastAt", EXCLUDED."lastAt"),
    "lastAttemptId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN EXCLUDED."lastAttemptId" ELSE g."lastAttemptId" END,
    "lastTaskId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN EXCLUDED."lastTaskId" ELSE g."lastTaskId" END,
    "issueId" = CASE WHEN (EXCLUDED."lastAt", EXCLUDED."lastAttemptId") > (g."lastAt", g."lastAttemptId") THEN EXCLUDED."issueId" ELSE g."issueId" END`

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
 * The issue ($2) just recorded takes the groups of its target whose newest failure came in the
 * minute before it opened and that no issue claims yet (ISSUE_LINK_WINDOW_SQL). A range of the
 * (merchantId, lastAt) index, one minute wide. $1 merchant.
 */
export const LINK_GROUPS_TO_ISSUE = `
  UPDATE "SyncFailureGroup" g
     SET "issueId" = i.id
    FROM "SyncIssue" i, "SyncTask" t
   WHERE i.id = $2::uuid AND g."merchantId" = $1::uuid AND g."issueId" IS NULL
     AND g."lastAt" > i."firstSeenAt" - ${ISSUE_LINK_WINDOW_SQL} AND g."lastAt" <= i."firstSeenAt"
     AND t.id = g."lastTaskId" AND g.operation = i.operation
     AND ${issueTargetSql('t.operation', 't."orderId"', 't.sku')} = ${issueTargetSql('i.operation', 'i."orderId"', 'i.sku')}`
