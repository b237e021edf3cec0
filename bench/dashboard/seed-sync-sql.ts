// The sync history of the seed, set-based: tasks, their attempts and their issues.
import { rebuildHealthStatements } from '../../lib/sync/health/rebuild-health-sql'
import { merchantUuid, NOT_FOUND_MESSAGE, orderUuid, referenceSql, referenceWidth, rnd, SHIPPERS, skuText, taskUuid, userUuid, type SeedSizes } from './seed-model'

/**
 * Sync history: per merchant, tasks (accept/ship an order, push a SKU's stock) over the past 30
 * days, ~35% in the last 7, each with its attempts and, when one failed, its issue. 30% of the
 * merchants are "troubled" (a token or catalogue problem: many more failures). Tasks of one
 * group (same order × operation, or same SKU) follow one another; only the newest can still be
 * active, as the engine's unique group key requires. Attempts total exactly A per merchant:
 * tasks are kept while the running count fits and the rest is made of one-attempt successes.
 */
export function syncStagingSql(s: SeedSizes, now: string): string[] {
  const O = s.ordersPerMerchant
  const W = referenceWidth(s.merchants)
  const A = s.attemptsPerMerchant
  const CAND = Math.ceil(A * 0.75) // candidates: mean ≥ 2 attempts per task, so the count always fills
  return [
    `CREATE SCHEMA bench_seed`,
    `CREATE UNLOGGED TABLE bench_seed.cand AS
     SELECT m, t, fate, n, u_age, u_x, u_y
       FROM (
         SELECT m, t, u_age, u_x, u_y, fate,
                CASE fate WHEN 'success' THEN CASE WHEN u_n < 0.6 THEN 1 WHEN u_n < 0.8 THEN 2 WHEN u_n < 0.92 THEN 3 ELSE 4 END
                          WHEN 'transient' THEN 2 + floor(u_n * 7)::int
                          ELSE CASE WHEN u_n < 0.7 THEN 1 WHEN u_n < 0.9 THEN 2 ELSE 3 END END AS n
           FROM (
             SELECT m, t, ${rnd('tk', 10)} AS u_age, ${rnd('tk', 12)} AS u_n, ${rnd('tk', 13)} AS u_x, ${rnd('tk', 14)} AS u_y,
                    CASE WHEN m % 10 < 3 THEN CASE WHEN ${rnd('tk', 11)} < 0.45 THEN 'success' WHEN ${rnd('tk', 11)} < 0.75 THEN 'transient' ELSE 'permanent' END
                         ELSE CASE WHEN ${rnd('tk', 11)} < 0.80 THEN 'success' WHEN ${rnd('tk', 11)} < 0.92 THEN 'transient' ELSE 'permanent' END END AS fate
               FROM generate_series(0, ${s.merchants - 1}) m, generate_series(0, ${CAND - 1}) t, LATERAL (SELECT m::bigint * 100000 + t AS tk) kk
           ) x
       ) y`,
    `CREATE UNLOGGED TABLE bench_seed.task AS
     WITH counted AS (
       SELECT c.*, sum(n) OVER (PARTITION BY m ORDER BY t) AS cs FROM bench_seed.cand c
     ), kept AS (
       SELECT m, t, fate, n, u_age, u_x, u_y FROM counted WHERE cs <= ${A}
     ), fill AS (
       SELECT k.m, ${CAND} + i AS t, 'success' AS fate, 1 AS n,
              ${rnd(`k.m::bigint * 100000 + ${CAND} + i`, 10)} AS u_age, ${rnd(`k.m::bigint * 100000 + ${CAND} + i`, 13)} AS u_x,
              ${rnd(`k.m::bigint * 100000 + ${CAND} + i`, 14)} AS u_y
         FROM (SELECT m, ${A} - coalesce(sum(n), 0) AS rest FROM kept GROUP BY m) k, generate_series(1, k.rest::int) i
     ), tasks AS (
       SELECT *, CASE WHEN t % 10 < 4 THEN 'ACCEPT' WHEN t % 10 < 7 THEN 'SHIP' ELSE 'STOCK' END AS op,
              -- Age skewed to the recent past: P(age < 7 days) = (7/30)^(1/1.4) ≈ 35%.
              30 * power(u_age, 1.4) AS age_days
         FROM (SELECT * FROM kept UNION ALL SELECT * FROM fill) u
     ), placed AS (
       SELECT tasks.*,
              -- Attempt i at created + offset(i): exponential backoff for retries (0, 2, 6, 14 … min),
              -- hours apart for a merchant's manual re-syncs of a permanent failure.
              CASE WHEN fate = 'permanent' THEN (n - 1) * 180.0 ELSE (power(2, n - 1) - 1) * 2.0 END AS span_min,
              greatest(0, ${O - 1} - floor(age_days * ${O} / 365.0))::int AS j,
              (t * 7) % 23 AS sku_idx
         FROM tasks
     )
     SELECT p.*, ${now} - age_days * interval '1 day' - span_min * interval '1 minute' - interval '1 minute' AS created,
            ${merchantUuid('p.m')} AS merchant_id, ${taskUuid('p.m', 'p.t')} AS id,
            CASE WHEN op = 'STOCK' THEN NULL ELSE ${orderUuid('p.m', 'p.j')} END AS order_id,
            CASE WHEN op = 'STOCK' THEN NULL ELSE ${referenceSql('p.m', 'p.j', W)}::text END AS ref,
            CASE WHEN op = 'STOCK' THEN ${skuText('p.sku_idx')} END AS sku,
            row_number() OVER (PARTITION BY p.m, op, CASE WHEN op = 'STOCK' THEN -1 - p.sku_idx ELSE p.j END ORDER BY age_days) AS grp_rank,
            CASE WHEN fate = 'transient' THEN 'CONNECTION'
                 WHEN fate = 'permanent' AND op <> 'STOCK' AND u_y >= 0.6 THEN 'STATUS_ERROR'
                 WHEN fate = 'permanent' THEN 'NOT_FOUND'
                 ELSE 'CONNECTION' END AS kind
       FROM placed p`,
    `ALTER TABLE bench_seed.task ADD COLUMN retrying boolean, ADD COLUMN last_at timestamp, ADD COLUMN last_fail_at timestamp,
                                ADD COLUMN group_key text, ADD COLUMN issue_status text`,
    `UPDATE bench_seed.task SET
       retrying = fate = 'transient' AND age_days < 1 AND grp_rank = 1,
       last_at = created + span_min * interval '1 minute',
       last_fail_at = created + (CASE WHEN fate = 'success' AND n > 1 THEN (power(2, n - 2) - 1) * 2.0 ELSE span_min END) * interval '1 minute',
       group_key = CASE WHEN op = 'STOCK' THEN 'STOCK:' || merchant_id || ':' || sku ELSE op || ':' || order_id END`,
    `UPDATE bench_seed.task SET issue_status = CASE
       WHEN fate = 'success' AND n = 1 THEN NULL
       WHEN fate = 'success' THEN 'RESOLVED'
       WHEN retrying THEN 'RETRYING'
       WHEN grp_rank = 1 AND fate = 'transient' THEN 'OPEN'
       WHEN grp_rank = 1 AND u_x < 0.65 THEN 'OPEN'
       WHEN grp_rank = 1 AND u_x < 0.85 THEN 'DISMISSED'
       WHEN u_x < 0.5 THEN 'DISMISSED'
       ELSE 'RESOLVED' END`,
  ]
}

export function syncInsertSql(now: string): string[] {
  // Attempt i of a task: when, which outcome, what Back Market answered.
  const attempts = `
    SELECT t.*, i,
           t.created + (CASE WHEN fate = 'permanent' THEN (i - 1) * 180.0 ELSE (power(2, i - 1) - 1) * 2.0 END) * interval '1 minute' AS at,
           CASE WHEN fate = 'success' AND i = n THEN CASE WHEN u_y < 0.1 THEN 'ALREADY_APPLIED' ELSE 'SUCCESS' END
                WHEN fate = 'permanent' THEN 'PERMANENT_FAILURE'
                ELSE 'TRANSIENT_FAILURE' END AS outcome,
           ${rnd('hashtext(t.id::text)::bigint * 16 + i', 20)} AS u_err
      FROM bench_seed.task t, generate_series(1, t.n) i`
  return [
    `INSERT INTO "SyncTask" (id, "merchantId", operation, "orderId", sku, status, "dedupeKey", origin, "requestedById", payload, attempts,
                             "nextAttemptAt", "failureKind", "failureMessage", preflight, "createdAt", "updatedAt", "sentAt", "acceptedAt", "verifiedAt", "finishedAt")
     SELECT id, merchant_id, op::"SyncOperation", order_id, sku,
            (CASE WHEN fate = 'success' THEN CASE WHEN u_x < 0.95 THEN 'VERIFIED' ELSE 'ACCEPTED' END
                  WHEN retrying THEN 'SENT' ELSE 'FAILED' END)::"SyncTaskStatus",
            CASE WHEN retrying THEN group_key END,
            CASE WHEN fate = 'permanent' AND n > 1 THEN 'resync' ELSE 'flow' END,
            CASE WHEN fate = 'permanent' AND n > 1 THEN ${userUuid('m')} END,
            CASE op WHEN 'SHIP' THEN jsonb_build_object('trackingNumber', 'TRK' || ref, 'shipper', ${SHIPPERS}[t % 5 + 1]) END,
            n,
            CASE WHEN retrying THEN ${now} + interval '3 minutes' END,
            CASE WHEN fate = 'permanent' THEN 'permanent' WHEN fate = 'transient' AND NOT retrying THEN 'dead' END,
            CASE WHEN fate = 'permanent' AND kind = 'NOT_FOUND' THEN '${NOT_FOUND_MESSAGE.replace(/'/g, "''")}'
                 WHEN fate = 'permanent' THEN 'Back Market refused the status change: the order is not in a state that allows it.'
                 WHEN fate = 'transient' AND NOT retrying THEN 'Back Market kept failing (HTTP 503) after ' || n || ' attempts.' END,
            CASE WHEN fate = 'permanent' THEN jsonb_build_object('token', 'ok', 'orderFound', kind <> 'NOT_FOUND', 'skuMatches', kind <> 'NOT_FOUND',
                                                                 'stateAllows', kind <> 'STATUS_ERROR', 'addressValid', true, 'retryCanHelp', false) END,
            created, last_at, created,
            CASE WHEN fate = 'success' THEN last_at END,
            CASE WHEN fate = 'success' AND u_x < 0.95 THEN last_at + interval '2 seconds' END,
            CASE WHEN NOT retrying THEN last_at + interval '2 seconds' END
       FROM bench_seed.task`,
    `INSERT INTO "SyncAttempt" (id, "merchantId", "taskId", operation, reference, sku, attempt, method, path, "requestSummary", "httpStatus",
                                outcome, "errorKind", "bmError", message, "durationMs", "createdAt")
     SELECT gen_random_uuid(), merchant_id, id, op::"SyncOperation", ref, sku, i, 'POST',
            CASE WHEN op = 'STOCK' THEN '/ws/listings/' || md5('listing-' || merchant_id || sku)::uuid ELSE '/ws/orders/' || ref END,
            CASE op WHEN 'ACCEPT' THEN jsonb_build_object('order_id', ref::bigint, 'new_state', 2)
                    WHEN 'SHIP' THEN jsonb_build_object('order_id', ref::bigint, 'new_state', 3, 'tracking_number', 'TRK' || ref)
                    ELSE jsonb_build_object('sku', sku, 'quantity', (hashtext(id::text) & 63)) END,
            status, outcome::"SyncAttemptOutcome", err_kind,
            CASE WHEN err_kind IS NOT NULL THEN jsonb_build_object('kind', err_kind, 'status', status, 'code', err_code,
                   'body', CASE WHEN status IS NULL THEN NULL ELSE jsonb_build_object('error', jsonb_build_object('code', err_code, 'message', message)) END) END,
            message,
            CASE WHEN err_kind = 'timeout' THEN 15000 ELSE 80 + floor(u_err * 400)::int END,
            at
       FROM (
         SELECT a.*,
                CASE WHEN outcome IN ('SUCCESS', 'ALREADY_APPLIED') THEN 200
                     WHEN outcome = 'PERMANENT_FAILURE' THEN CASE kind WHEN 'STATUS_ERROR' THEN 400 ELSE 404 END
                     WHEN u_err < 0.4 THEN 503 WHEN u_err < 0.6 THEN 500 WHEN u_err < 0.8 THEN 429 END AS status,
                CASE WHEN outcome IN ('SUCCESS', 'ALREADY_APPLIED') THEN NULL
                     WHEN outcome = 'PERMANENT_FAILURE' THEN CASE kind WHEN 'STATUS_ERROR' THEN 'bad_request' ELSE 'not_found' END
                     WHEN u_err < 0.6 THEN 'server' WHEN u_err < 0.8 THEN 'rate_limited' ELSE 'timeout' END AS err_kind,
                CASE WHEN outcome = 'PERMANENT_FAILURE' THEN CASE kind WHEN 'STATUS_ERROR' THEN 'invalid_state' ELSE 'not_found' END
                     WHEN u_err < 0.6 THEN 'server_error' WHEN u_err < 0.8 THEN 'too_many_requests' ELSE NULL END AS err_code,
                CASE WHEN outcome IN ('SUCCESS', 'ALREADY_APPLIED') THEN NULL
                     WHEN outcome = 'PERMANENT_FAILURE' AND kind = 'NOT_FOUND' THEN '${NOT_FOUND_MESSAGE.replace(/'/g, "''")}'
                     WHEN outcome = 'PERMANENT_FAILURE' THEN 'Back Market refused the status change: the order is not in a state that allows it.'
                     WHEN u_err < 0.6 THEN 'Back Market is unavailable right now; we will retry.'
                     WHEN u_err < 0.8 THEN 'Back Market asked us to slow down (HTTP 429); we will retry.'
                     ELSE 'Back Market did not answer within 15 s; we will retry.' END AS message
           FROM (${attempts}) a
       ) x`,
    `INSERT INTO "SyncIssue" (id, "merchantId", operation, "orderId", reference, sku, kind, status, "groupKey", message, detail, occurrences,
                              "firstSeenAt", "lastSeenAt", "nextRetryAt", "lastTaskId", "resolvedAt", resolution, "dismissedAt", "dismissedById", "dismissReason")
     SELECT gen_random_uuid(), merchant_id, op::"SyncOperation", order_id, ref, sku, kind::"SyncIssueKind", issue_status::"SyncIssueStatus",
            CASE WHEN issue_status IN ('OPEN', 'RETRYING') THEN group_key END,
            CASE kind WHEN 'NOT_FOUND' THEN '${NOT_FOUND_MESSAGE.replace(/'/g, "''")}'
                      WHEN 'STATUS_ERROR' THEN 'Back Market refused the status change: the order is not in a state that allows it.'
                      ELSE 'Back Market could not be reached; retries are scheduled.' END,
            jsonb_build_object('lastHttpStatus', CASE kind WHEN 'NOT_FOUND' THEN 404 WHEN 'STATUS_ERROR' THEN 400 ELSE 503 END),
            CASE WHEN fate = 'success' THEN n - 1 ELSE n END,
            created, last_fail_at,
            CASE WHEN issue_status = 'RETRYING' THEN ${now} + interval '3 minutes' END,
            id,
            CASE WHEN issue_status = 'RESOLVED' THEN least(${now}, CASE WHEN fate = 'success' THEN last_at ELSE last_at + u_y * interval '6 hours' END) END,
            CASE WHEN issue_status = 'RESOLVED' THEN CASE WHEN fate = 'success' AND u_y < 0.1 THEN 'read_back' WHEN fate = 'success' THEN 'success' ELSE 'merchant_fix' END END,
            CASE WHEN issue_status = 'DISMISSED' THEN least(${now}, last_at + u_y * interval '6 hours') END,
            CASE WHEN issue_status = 'DISMISSED' THEN ${userUuid('m')} END,
            CASE WHEN issue_status = 'DISMISSED' THEN 'Handled by hand in the Back Market back office' END
       FROM bench_seed.task
      WHERE issue_status IS NOT NULL`,
    `DROP SCHEMA bench_seed CASCADE`,
    // The banner's summary of every merchant, as `npm run health:rebuild` makes it; those two tables
    // keep their indexes through the load, and the planner needs their statistics for the banner.
    ...rebuildHealthStatements(`IN (SELECT id FROM "Merchant")`),
    `ANALYZE "MerchantHealth"`,
    `ANALYZE "SyncFailureGroup"`,
  ]
}
