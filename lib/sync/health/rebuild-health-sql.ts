// The banner's summary recomputed from the records themselves (SyncAttempt, SyncIssue): what the
// write paths keep (keep-health.ts) must equal this, field by field (health-kept.test.ts). Used by
// `npm run health:rebuild` and the benchmark's seed; the backfill migration ran it once and is
// frozen (backfill-migration.test.ts checks it still fills what this computes).
import { failureGroupKeySql, FAILED_OUTCOMES_SQL, PARCEL_OPERATIONS_SQL, STREAK_GAP_SQL } from './failure-group-key'
import { ACTIVE_ISSUE_STATUSES_SQL, ISSUE_AGGREGATES, ISSUE_FIELDS, ISSUE_LINK_WINDOW_SQL, issueTargetSql } from './keep-health-sql'

/**
 * `scope`: a condition on a merchant id column, e.g. `= ANY($1::uuid[])` or
 * `IN (SELECT id FROM "Merchant")`. Set-based (hash joins, no per-row probe), so that it also runs
 * on the benchmark's bulk load before the big tables have their indexes.
 */
export function rebuildHealthStatements(scope: string): string[] {
  return [
    // Every merchant's row locked (in id order, so two rebuilds cannot deadlock) before its groups
    // are read: a failure or an issue change waits for the rebuild, and the other way round.
    `INSERT INTO "MerchantHealth" ("merchantId", version, "updatedAt")
     SELECT id, 1, now() AT TIME ZONE 'UTC' FROM "Merchant" WHERE id ${scope} ORDER BY id
     ON CONFLICT ("merchantId") DO UPDATE SET version = "MerchantHealth".version + 1, "updatedAt" = EXCLUDED."updatedAt"`,
    `DELETE FROM "SyncFailureGroup" WHERE "merchantId" ${scope}`,
    groupsSql(scope),
    summarySql(scope),
  ]
}

/**
 * Each group's streak is its failures since the last gap of more than 7 days; its newest failure
 * names it. Its issue: the one of the same target (the task's order and operation, or SKU) active
 * at that failure, else the first opened within the link window after it (ISSUE_LINK_WINDOW_SQL).
 */
function groupsSql(scope: string): string {
  return `
  INSERT INTO "SyncFailureGroup" (id, "merchantId", "groupKey", operation, reference, sku, "httpStatus", "errorKind", message,
                                  count, "firstAt", "lastAt", "lastAttemptId", "lastTaskId", "issueId")
  WITH f AS (
    SELECT a.id, a."merchantId", a."taskId", a.operation, a.reference, a.sku, a."httpStatus", a."errorKind", a.message, a."createdAt",
           ${failureGroupKeySql('a')} AS "groupKey"
      FROM "SyncAttempt" a
     WHERE a."merchantId" ${scope} AND a.outcome IN ${FAILED_OUTCOMES_SQL}
  ), s AS (
    SELECT f.*, lag("createdAt") OVER (PARTITION BY "merchantId", "groupKey" ORDER BY "createdAt", id) AS prev FROM f
  ), streak AS (
    SELECT "merchantId", "groupKey", max("createdAt") AS "firstAt"
      FROM s WHERE prev IS NULL OR "createdAt" > prev + ${STREAK_GAP_SQL}
     GROUP BY "merchantId", "groupKey"
  ), agg AS (
    SELECT s."merchantId", s."groupKey", st."firstAt", count(*)::int AS count,
           (array_agg(s.id ORDER BY s."createdAt" DESC, s.id DESC))[1] AS "lastAttemptId"
      FROM s JOIN streak st ON st."merchantId" = s."merchantId" AND st."groupKey" = s."groupKey"
     WHERE s."createdAt" >= st."firstAt"
     GROUP BY s."merchantId", s."groupKey", st."firstAt"
  )
  , last AS (
    SELECT l.*, agg.count, agg."firstAt", ${issueTargetSql('l.operation', 't."orderId"', 't.sku')} AS target
      FROM agg
      JOIN f l ON l.id = agg."lastAttemptId"
      LEFT JOIN "SyncTask" t ON t.id = l."taskId"
  ), linked AS (
    SELECT DISTINCT ON (l.id) l.id AS "attemptId", i.id AS "issueId"
      FROM last l
      JOIN "SyncIssue" i ON i."merchantId" = l."merchantId" AND i.operation = l.operation
                        AND ${issueTargetSql('i.operation', 'i."orderId"', 'i.sku')} = l.target
     WHERE i."merchantId" ${scope}
       AND i."firstSeenAt" < l."createdAt" + ${ISSUE_LINK_WINDOW_SQL}
       AND (i.status IN ${ACTIVE_ISSUE_STATUSES_SQL}
            OR l."createdAt" <= CASE i.status WHEN 'RESOLVED' THEN i."resolvedAt" ELSE i."dismissedAt" END)
     ORDER BY l.id, i."firstSeenAt" <= l."createdAt" DESC, i."firstSeenAt", i.id
  )
  SELECT gen_random_uuid(), l."merchantId", l."groupKey", l.operation, l.reference, l.sku, l."httpStatus", l."errorKind", l.message,
         l.count, l."firstAt", l."createdAt", l.id, l."taskId", k."issueId"
    FROM last l
    LEFT JOIN linked k ON k."attemptId" = l.id`
}

/** The summary's fields from the groups just rebuilt and the merchant's issues. */
function summarySql(scope: string): string {
  return `
  UPDATE "MerchantHealth" h
     SET "parcelFailedAt" = x."parcelFailedAt", "stockFailedAt" = x."stockFailedAt",
         "openIssues" = coalesce(x."openIssues", 0), "retryingIssues" = coalesce(x."retryingIssues", 0),
         "affectedOrders" = coalesce(x."affectedOrders", 0), "affectedSkus" = coalesce(x."affectedSkus", 0),
         "issuesSince" = x."issuesSince", "nextRetryAt" = x."nextRetryAt", "lastResolvedAt" = x."lastResolvedAt"
    FROM (
      SELECT m.id, fl."parcelFailedAt", fl."stockFailedAt", ai."openIssues", ai."retryingIssues", ai."affectedOrders", ai."affectedSkus",
             ai."issuesSince", ai."nextRetryAt", r."lastResolvedAt"
        FROM "Merchant" m
        LEFT JOIN (
          SELECT "merchantId", max("lastAt") FILTER (WHERE operation IN ${PARCEL_OPERATIONS_SQL}) AS "parcelFailedAt",
                 max("lastAt") FILTER (WHERE operation = 'STOCK') AS "stockFailedAt"
            FROM "SyncFailureGroup" WHERE "merchantId" ${scope} GROUP BY "merchantId"
        ) fl ON fl."merchantId" = m.id
        LEFT JOIN (
          SELECT i."merchantId", ${ISSUE_AGGREGATES}
            FROM "SyncIssue" i WHERE i."merchantId" ${scope} AND i.status IN ${ACTIVE_ISSUE_STATUSES_SQL} GROUP BY i."merchantId"
        ) ai ("merchantId", ${ISSUE_FIELDS}) ON ai."merchantId" = m.id
        LEFT JOIN (
          SELECT "merchantId", max("resolvedAt") AS "lastResolvedAt"
            FROM "SyncIssue" WHERE "merchantId" ${scope} AND status = 'RESOLVED' GROUP BY "merchantId"
        ) r ON r."merchantId" = m.id
       WHERE m.id ${scope}
    ) x
   WHERE h."merchantId" = x.id`
}
