-- Fills MerchantHealth and SyncFailureGroup from SyncAttempt and SyncIssue for every merchant:
-- lib/sync/health/rebuild-health-sql.ts, as `npm run health:rebuild` runs it (generated; keep equal).
INSERT INTO "MerchantHealth" ("merchantId", version, "updatedAt")
     SELECT id, 1, now() AT TIME ZONE 'UTC' FROM "Merchant" WHERE id IN (SELECT id FROM "Merchant") ORDER BY id
     ON CONFLICT ("merchantId") DO UPDATE SET version = "MerchantHealth".version + 1, "updatedAt" = EXCLUDED."updatedAt";

DELETE FROM "SyncFailureGroup" WHERE "merchantId" IN (SELECT id FROM "Merchant");

INSERT INTO "SyncFailureGroup" (id, "merchantId", "groupKey", operation, reference, sku, "httpStatus", "errorKind", message,
                                  count, "firstAt", "lastAt", "lastAttemptId", "lastTaskId", "issueId")
  WITH f AS (
    SELECT a.id, a."merchantId", a."taskId", a.operation, a.reference, a.sku, a."httpStatus", a."errorKind", a.message, a."createdAt",
           encode(sha256(convert_to(json_build_array(a."operation"::text, a."reference", a."sku", a."httpStatus", a."errorKind", a."message")::text, 'UTF8')), 'hex') AS "groupKey"
      FROM "SyncAttempt" a
     WHERE a."merchantId" IN (SELECT id FROM "Merchant") AND a.outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE')
  ), s AS (
    SELECT f.*, lag("createdAt") OVER (PARTITION BY "merchantId", "groupKey" ORDER BY "createdAt", id) AS prev FROM f
  ), streak AS (
    SELECT "merchantId", "groupKey", max("createdAt") AS "firstAt"
      FROM s WHERE prev IS NULL OR "createdAt" > prev + interval '7 days'
     GROUP BY "merchantId", "groupKey"
  ), agg AS (
    SELECT s."merchantId", s."groupKey", st."firstAt", count(*)::int AS count,
           (array_agg(s.id ORDER BY s."createdAt" DESC, s.id DESC))[1] AS "lastAttemptId"
      FROM s JOIN streak st ON st."merchantId" = s."merchantId" AND st."groupKey" = s."groupKey"
     WHERE s."createdAt" >= st."firstAt"
     GROUP BY s."merchantId", s."groupKey", st."firstAt"
  )
  , last AS (
    SELECT l.*, agg.count, agg."firstAt", CASE l.operation WHEN 'STOCK' THEN t.sku WHEN 'CANCEL' THEN t."orderId"::text || ':' || t.sku ELSE t."orderId"::text END AS target
      FROM agg
      JOIN f l ON l.id = agg."lastAttemptId"
      LEFT JOIN "SyncTask" t ON t.id = l."taskId"
  ), linked AS (
    SELECT DISTINCT ON (l.id) l.id AS "attemptId", i.id AS "issueId"
      FROM last l
      JOIN "SyncIssue" i ON i."merchantId" = l."merchantId" AND i.operation = l.operation
                        AND CASE i.operation WHEN 'STOCK' THEN i.sku WHEN 'CANCEL' THEN i."orderId"::text || ':' || i.sku ELSE i."orderId"::text END = l.target
     WHERE i."merchantId" IN (SELECT id FROM "Merchant")
       AND i."firstSeenAt" < l."createdAt" + interval '1 minute' AND i."lastSeenAt" >= l."createdAt"
       AND (i.status IN ('OPEN', 'RETRYING')
            OR l."createdAt" <= CASE i.status WHEN 'RESOLVED' THEN i."resolvedAt" ELSE i."dismissedAt" END)
     ORDER BY l.id, i."firstSeenAt" <= l."createdAt" DESC, abs(extract(epoch FROM i."firstSeenAt" - l."createdAt")), i.id
  )
  SELECT gen_random_uuid(), l."merchantId", l."groupKey", l.operation, l.reference, l.sku, l."httpStatus", l."errorKind", l.message,
         l.count, l."firstAt", l."createdAt", l.id, l."taskId", k."issueId"
    FROM last l
    LEFT JOIN linked k ON k."attemptId" = l.id;

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
          SELECT "merchantId", max("lastAt") FILTER (WHERE operation IN ('ACCEPT', 'SHIP', 'CANCEL')) AS "parcelFailedAt",
                 max("lastAt") FILTER (WHERE operation = 'STOCK') AS "stockFailedAt"
            FROM "SyncFailureGroup" WHERE "merchantId" IN (SELECT id FROM "Merchant") GROUP BY "merchantId"
        ) fl ON fl."merchantId" = m.id
        LEFT JOIN (
          SELECT i."merchantId", 
  count(*) FILTER (WHERE i.status = 'OPEN')::int, count(*) FILTER (WHERE i.status = 'RETRYING')::int,
  count(DISTINCT i."orderId")::int, count(DISTINCT i.sku)::int,
  min(i."firstSeenAt"), min(i."nextRetryAt") FILTER (WHERE i.status = 'RETRYING')
            FROM "SyncIssue" i WHERE i."merchantId" IN (SELECT id FROM "Merchant") AND i.status IN ('OPEN', 'RETRYING') GROUP BY i."merchantId"
        ) ai ("merchantId", "openIssues", "retryingIssues", "affectedOrders", "affectedSkus", "issuesSince", "nextRetryAt") ON ai."merchantId" = m.id
        LEFT JOIN (
          SELECT "merchantId", max("resolvedAt") AS "lastResolvedAt"
            FROM "SyncIssue" WHERE "merchantId" IN (SELECT id FROM "Merchant") AND status = 'RESOLVED' GROUP BY "merchantId"
        ) r ON r."merchantId" = m.id
       WHERE m.id IN (SELECT id FROM "Merchant")
    ) x
   WHERE h."merchantId" = x.id;
