// Seeds the dashboard benchmark's data set with set-based SQL (INSERT … SELECT generate_series),
// never row by row: 1,000 merchants with a user each, 1,000 orders per merchant (lines and both
// addresses), and 200 sync attempts per merchant with their tasks and issues.
//
//   npm run bench:seed                    full size into a throwaway database, then drops it
//   npm run bench:seed -- --quick         20 merchants × 1,000 orders
//   npm run bench:seed -- --keep          keeps the database (and its server) until Ctrl-C
//   options: --merchants M --orders N --attempts A (per merchant)
//   DATABASE_URL=… uses that server (a fresh database on it) instead of an embedded PostgreSQL.
//
// Speed: the loaded tables' primary keys, indexes and foreign keys are dropped first and rebuilt
// afterwards from their own definitions as read from the catalog (checked identical after), so
// the final schema is exactly the committed migrations'; rows are generated deterministically
// (hashes of merchant and order numbers, no random()), so two runs hold the same data.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { hash } from '@node-rs/argon2'
import pg from 'pg'
import { createThrowawayDatabase, migrate } from './db'
import { cleanup, installCleanupHandlers, onCleanup, onExitSync, ROOT } from './procs'

export type SeedSizes = { merchants: number; ordersPerMerchant: number; attemptsPerMerchant: number }

export const FULL_SIZES: SeedSizes = { merchants: 1_000, ordersPerMerchant: 1_000, attemptsPerMerchant: 200 }
export const QUICK_SIZES: SeedSizes = { merchants: 20, ordersPerMerchant: 1_000, attemptsPerMerchant: 200 }

/** Every seeded user signs in with this password (the benchmark itself uses sessions it creates). */
export const BENCH_PASSWORD = 'bench-password-1'

export type SeedReport = {
  sizes: SeedSizes
  ms: Record<string, number>
  totalMs: number
  rows: Record<string, number>
  sync: Record<string, number>
  databaseBytes: number
  tableBytes: Record<string, number>
}

const LOADED_TABLES = ['Merchant', 'User', 'Order', 'OrderLine', 'OrderAddress', 'SyncTask', 'SyncAttempt', 'SyncIssue']

// ---- deterministic building blocks (SQL) ---------------------------------------------------

/** A uniform number in [0, 1) from a bigint key and a salt: the same on every run. */
const rnd = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`
export const merchantUuid = (m: string) => `md5('bench-merchant-' || (${m}))::uuid`
export const userUuid = (m: string) => `md5('bench-user-' || (${m}))::uuid`
const orderUuid = (m: string, j: string) => `md5('bench-order-' || (${m}) || '-' || (${j}))::uuid`
const taskUuid = (m: string, t: string) => `md5('bench-task-' || (${m}) || '-' || (${t}))::uuid`

/**
 * Back Market order ids are global, increasing 8-digit numbers: order j of merchant m is
 * 40,000,000 + j·W + a per-j permutation of the merchants (37 is coprime with W), so a merchant's
 * orders are spread over the whole id range like a real seller's among thousands of others, a
 * 4-digit prefix matches about ten of them, and no id repeats across merchants.
 */
export function referenceSql(m: string, j: string, width: number): string {
  return `(40000000 + (${j})::bigint * ${width} + (((${m}) * 37 + (${j}) * 101) % ${width}))`
}
export function referenceWidth(merchants: number): number {
  return Math.max(1000, 10 ** Math.ceil(Math.log10(merchants)))
}
/** The same formula in JS, for the benchmark's choice of references to search. */
export function referenceOf(m: number, j: number, width: number): string {
  return String(40_000_000 + j * width + ((m * 37 + j * 101) % width))
}

const MARKETS = `(ARRAY['fr-fr','de-de','es-es','it-it','en-gb'])`
const CURRENCIES = `(ARRAY['EUR','EUR','EUR','EUR','GBP'])`
const COUNTRIES = `(ARRAY['FR','DE','ES','IT','GB'])`
const FIRST = `(ARRAY['Camille','Léa','Hugo','Lucas','Emma','Jonas','Sofia','Marco','Lucía','Pablo','Oliver','Amelia','Noah','Chloé','Giulia','Matteo','Hannah','Felix','Inès','Louis','Carmen','Diego','Freya','Arthur'])`
const LAST = `(ARRAY['Martin','Bernard','Dubois','Müller','Schmidt','García','Fernández','Rossi','Russo','Smith','Jones','Taylor','Moreau','Lefèvre','Weber','Wagner','López','Martínez','Bianchi','Romano','Brown','Wilson','Petit','Roux'])`
const STREETS = `(ARRAY['rue de la Paix','Hauptstraße','Calle Mayor','Via Roma','High Street','avenue Jean Jaurès','Bahnhofstraße','Gran Vía','Corso Italia','Station Road','boulevard Voltaire','Lindenstraße'])`
// Four cities per market, in MARKETS order.
const CITIES = `(ARRAY['Paris','Lyon','Marseille','Lille','Berlin','Hamburg','München','Köln','Madrid','Barcelona','Valencia','Sevilla','Roma','Milano','Napoli','Torino','London','Manchester','Bristol','Leeds'])`
const PRODUCTS = `(ARRAY['iPhone 13 128GB','iPhone 12 64GB','iPhone 14 Pro 256GB','Galaxy S22 128GB','Galaxy A54 128GB','Pixel 7 128GB','iPad Air 64GB','MacBook Air M1 256GB','AirPods Pro','Apple Watch SE 40mm','Switch OLED','iPhone SE 2022 64GB'])`
const GRADES = `(ARRAY['Fair','Good','Excellent'])`
const SHIPPERS = `(ARRAY['Colissimo','DHL Express','UPS','Royal Mail','Chronopost'])`
const NOT_FOUND_MESSAGE = "We couldn't find a matching order_id and/or SKU on Backmarket. Please update your order manually on Backmarket."

/** UTC "now" as a timestamp literal: the columns are timestamp(3) without time zone, in UTC. */
function utcLiteral(d: Date): string {
  return `'${d.toISOString().replace('T', ' ').replace('Z', '')}'::timestamp`
}

// ---- the statements ------------------------------------------------------------------------

function merchantsSql(s: SeedSizes, passwordHash: string): string[] {
  const hashLit = passwordHash.replace(/'/g, "''")
  return [
    `INSERT INTO "Merchant" (id, name, "bmTokenEncrypted", "bmMarket", locale, "importCursor", "createdAt")
     SELECT ${merchantUuid('m')}, 'Bench merchant ' || lpad(m::text, 4, '0'),
            -- Not a usable token: nothing in the benchmark calls Back Market.
            'bench:no-token', ${MARKETS}[m % 5 + 1], 'en', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') - interval '400 days'
       FROM generate_series(0, ${s.merchants - 1}) m`,
    `INSERT INTO "User" (id, "merchantId", email, name, "passwordHash", "createdAt")
     SELECT ${userUuid('m')}, ${merchantUuid('m')}, 'bench-m' || m || '@bench.example',
            ${FIRST}[m % 24 + 1] || ' ' || ${LAST}[(m / 24) % 24 + 1], '${hashLit}', (now() AT TIME ZONE 'UTC') - interval '400 days'
       FROM generate_series(0, ${s.merchants - 1}) m`,
  ]
}

/**
 * The order rows of merchants [m0, m1): one subquery gives each order its age, status, market
 * and line count; orders, lines and addresses all derive from it (same formulas), so the three
 * tables can be filled at the same time on different connections.
 */
function orderBase(s: SeedSizes, now: string, m0: number, m1: number): string {
  const O = s.ordersPerMerchant
  const W = referenceWidth(s.merchants)
  return `
    SELECT m, j, k, ref, d, mk, nlines,
           ${now} - d * interval '1 day' AS placed,
           CASE WHEN d >= 1 AND r < 0.04 THEN 'CANCELLED'
                WHEN d < 1 THEN 'CREATED'
                WHEN d < 2 THEN 'VALIDATED'
                WHEN d < 3 THEN CASE WHEN r < 0.5 THEN 'PICKING' ELSE 'PACKED' END
                WHEN d < 7 THEN 'IN_TRANSIT'
                ELSE 'DELIVERED' END AS status
      FROM (
        SELECT m, j, k, ${referenceSql('m', 'j', W)} AS ref,
               -- A year of orders, newest last; the jitter keeps merchants from ticking in step.
               (${O - 1} - j) * (365.0 / ${O}) + ${rnd('k', 1)} * 0.3 AS d,
               ${rnd('k', 2)} AS r, m % 5 + 1 AS mk,
               1 + (${rnd('k', 3)} < 0.22)::int + (${rnd('k', 3)} < 0.05)::int AS nlines
          FROM generate_series(${m0}, ${m1 - 1}) m, generate_series(0, ${O - 1}) j, LATERAL (SELECT m::bigint * ${O} + j AS k) kk
        -- OFFSET 0 keeps PostgreSQL from inlining the subquery, which would re-evaluate the hashes
        -- behind d, r and status at every place the outer query uses them.
        OFFSET 0
      ) o
     OFFSET 0`
}

/** Line l of order k: SKU from a 300-product catalogue per merchant, its price. */
const lineSku = (k: string, l: string) => `floor(${rnd(`(${k}) * 4 + (${l})`, 4)} * 300)::int`
const skuText = (idx: string) => `'SKU-' || lpad((${idx})::text, 4, '0')`
const skuTitle = (idx: string) => `${PRODUCTS}[(${idx}) % 12 + 1] || ' — ' || ${GRADES}[(${idx}) % 3 + 1]`
const skuPrice = (idx: string) => `(79 + ((${idx}) * 37) % 900 + 0.99)::numeric(12,2)`
const lineState = (status: string) =>
  `CASE ${status} WHEN 'CREATED' THEN 1 WHEN 'CANCELLED' THEN 4 WHEN 'IN_TRANSIT' THEN 3 WHEN 'DELIVERED' THEN 3 ELSE 2 END`

export function ordersSql(s: SeedSizes, now: string, m0: number, m1: number): string {
  return `
    INSERT INTO "Order" (id, "merchantId", reference, status, version, "countryCode", currency, "totalPrice", "shippingPrice",
                         shipper, "trackingNumber", "trackingUrl", "placedAt", "expectedDispatchAt", "validatedAt", "shippedAt", "deliveredAt",
                         "addressIssues", "addressCheckedAt", "bmState", "bmDateModification", "bmSnapshot", "bmSeenAt", "createdAt", "updatedAt")
    SELECT ${orderUuid('m', 'j')}, ${merchantUuid('m')}, ref::text, status::"OrderStatus",
           CASE status WHEN 'CREATED' THEN 1 WHEN 'VALIDATED' THEN 2 WHEN 'PICKING' THEN 3 WHEN 'PACKED' THEN 4 WHEN 'IN_TRANSIT' THEN 5 ELSE 6 END,
           ${MARKETS}[mk], ${CURRENCIES}[mk], total, 0,
           CASE WHEN shipped THEN ${SHIPPERS}[k % 5 + 1] END,
           CASE WHEN shipped THEN 'TRK' || ref END,
           CASE WHEN shipped THEN 'https://tracking.example/' || ref END,
           placed, placed + interval '2 days',
           CASE WHEN status NOT IN ('CREATED', 'CANCELLED') THEN placed + interval '6 hours' END,
           CASE WHEN shipped THEN placed + interval '2 days' END,
           CASE WHEN status = 'DELIVERED' THEN placed + interval '4 days' END,
           NULL, CASE WHEN status <> 'CREATED' THEN placed + interval '6 hours' END,
           bm, placed + interval '2 days', snapshot, ${now}, placed, placed + interval '2 days'
      FROM (
        SELECT b.*, status IN ('IN_TRANSIT', 'DELIVERED') AS shipped,
               CASE status WHEN 'CREATED' THEN 1 WHEN 'VALIDATED' THEN 3 WHEN 'PICKING' THEN 3 WHEN 'PACKED' THEN 3 ELSE 9 END AS bm,
               lines.total,
               -- Back Market's payload as imported (trimmed: the real one is larger, it is TOASTed either way).
               jsonb_build_object(
                 'order_id', ref, 'state', CASE status WHEN 'CREATED' THEN 1 WHEN 'VALIDATED' THEN 3 WHEN 'PICKING' THEN 3 WHEN 'PACKED' THEN 3 ELSE 9 END,
                 'date_creation', placed, 'date_modification', placed + interval '2 days',
                 'country_code', ${MARKETS}[mk], 'currency', ${CURRENCIES}[mk], 'price', lines.total, 'shipping_price', 0,
                 'shipping_address', jsonb_build_object('first_name', ${FIRST}[k % 24 + 1], 'last_name', ${LAST}[(k / 24) % 24 + 1],
                                                        'city', ${CITIES}[(mk - 1) * 4 + k % 4 + 1], 'country', ${COUNTRIES}[mk]),
                 'orderlines', lines.items) AS snapshot
          FROM (${orderBase(s, now, m0, m1)}) b
          CROSS JOIN LATERAL (
            SELECT sum(${skuPrice('x.idx')}) AS total,
                   jsonb_agg(jsonb_build_object('id', ref * 10 + l, 'listing', ${skuText('x.idx')}, 'quantity', 1,
                                                'price', ${skuPrice('x.idx')}, 'state', ${lineState('b.status')}, 'product', ${skuTitle('x.idx')})) AS items
              FROM generate_series(1, b.nlines) l, LATERAL (SELECT ${lineSku('b.k', 'l')} AS idx) x
          ) lines
      ) o`
}

export function linesSql(s: SeedSizes, now: string, m0: number, m1: number): string {
  return `
    INSERT INTO "OrderLine" (id, "orderId", "merchantId", "bmOrderlineId", listing, sku, "productTitle", quantity, price, "bmState", imei, "serialNumber")
    SELECT gen_random_uuid(), ${orderUuid('b.m', 'b.j')}, ${merchantUuid('b.m')}, b.ref * 10 + l, ${skuText('x.idx')}, ${skuText('x.idx')},
           ${skuTitle('x.idx')}, 1, ${skuPrice('x.idx')}, ${lineState('b.status')},
           CASE WHEN b.status IN ('IN_TRANSIT', 'DELIVERED') THEN lpad(((b.ref * 7919 + l) % 1000000000000000)::text, 15, '3') END, NULL
      FROM (${orderBase(s, now, m0, m1)}) b, generate_series(1, b.nlines) l, LATERAL (SELECT ${lineSku('b.k', 'l')} AS idx) x`
}

export function addressesSql(s: SeedSizes, now: string, m0: number, m1: number): string {
  // ORIGINAL as received and CURRENT as we ship; 2% were corrected by the warehouse (street2).
  return `
    INSERT INTO "OrderAddress" (id, "orderId", kind, company, "firstName", "lastName", street, street2, "postalCode", city, country, phone, email, "updatedAt")
    SELECT gen_random_uuid(), ${orderUuid('b.m', 'b.j')}, kind::"AddressKind", NULL,
           ${FIRST}[b.k % 24 + 1], ${LAST}[(b.k / 24) % 24 + 1],
           (b.k % 180 + 1) || ' ' || ${STREETS}[b.k % 12 + 1],
           CASE WHEN kind = 'CURRENT' AND ${rnd('b.k', 5)} < 0.02 THEN 'Apt ' || (b.k % 40 + 1) END,
           CASE WHEN b.mk = 5 THEN 'SW' || (b.k % 20 + 1) || ' ' || (b.k % 9 + 1) || 'AB' ELSE lpad(((b.k * 7) % 95000 + 1000)::text, 5, '0') END,
           ${CITIES}[(b.mk - 1) * 4 + b.k % 4 + 1], ${COUNTRIES}[b.mk],
           '+4' || (b.mk % 5 + 1) || ' 6' || lpad((b.k % 100000000)::text, 8, '0'),
           lower(${FIRST}[b.k % 24 + 1]) || '.' || b.ref || '@relay.example',
           b.placed
      FROM (${orderBase(s, now, m0, m1)}) b, (VALUES ('ORIGINAL'), ('CURRENT')) v(kind)`
}

/**
 * Sync history: per merchant, tasks (accept/ship an order, push a SKU's stock) over the past 30
 * days, ~35% in the last 7, each with its attempts and, when one failed, its issue. 30% of the
 * merchants are "troubled" (a token or catalogue problem: many more failures). Tasks of one
 * group (same order × operation, or same SKU) follow one another; only the newest can still be
 * active, as the engine's unique group key requires. Attempts total exactly A per merchant:
 * tasks are kept while the running count fits and the rest is made of one-attempt successes.
 */
function syncStagingSql(s: SeedSizes, now: string): string[] {
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

function syncInsertSql(now: string): string[] {
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
  ]
}

// ---- constraints and indexes: drop before the load, rebuild after ------------------------

type SchemaObjects = { pks: string[]; indexes: string[]; fks: string[]; drops: string[]; signature: string[] }

async function readSchemaObjects(c: pg.ClientBase): Promise<SchemaObjects> {
  const tables = LOADED_TABLES.map((t) => `'public."${t}"'::regclass`).join(', ')
  const cons = await c.query<{ tbl: string; name: string; type: string; def: string }>(`
    SELECT conrelid::regclass::text AS tbl, conname AS name, contype AS type, pg_get_constraintdef(oid) AS def
      FROM pg_constraint
     WHERE contype IN ('p', 'f') AND (conrelid IN (${tables}) OR confrelid IN (${tables}))
     ORDER BY 1, 2`)
  const idx = await c.query<{ tbl: string; name: string; def: string }>(`
    SELECT i.indrelid::regclass::text AS tbl, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1, 2`)
  const fks = cons.rows.filter((r) => r.type === 'f')
  const pks = cons.rows.filter((r) => r.type === 'p' && LOADED_TABLES.some((t) => r.tbl === `"${t}"`))
  return {
    pks: pks.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`),
    indexes: idx.rows.map((r) => r.def),
    fks: fks.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`),
    drops: [
      ...fks.map((r) => `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.name}"`),
      ...idx.rows.map((r) => `DROP INDEX ${r.name}`),
      ...pks.map((r) => `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.name}"`),
    ],
    signature: [...cons.rows.map((r) => `${r.tbl} ${r.name} ${r.def}`), ...idx.rows.map((r) => r.def)].sort(),
  }
}

// ---- running ---------------------------------------------------------------------------------

/** Runs statement lists on `width` connections: each list in order, lists in parallel. */
async function parallel(pool: pg.Pool, lists: string[][], width: number): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, lists.length) }, async () => {
      const c = await pool.connect()
      try {
        for (let i = next++; i < lists.length; i = next++) for (const sql of lists[i]!) await c.query(sql)
      } finally {
        c.release()
      }
    }),
  )
}

export async function seedDashboard(url: string, sizes: SeedSizes, log: (msg: string) => void = () => {}): Promise<SeedReport> {
  if (sizes.merchants > 100_000) throw new Error('at most 100,000 merchants (task keys are m·100000 + t)')
  const started = performance.now()
  const ms: Record<string, number> = {}
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now()
    const out = await fn()
    ms[label] = Math.round(performance.now() - t)
    log(`  ${label}: ${(ms[label]! / 1000).toFixed(1)} s`)
    return out
  }
  // Two connections: the machine has two cores, and PostgreSQL runs one INSERT … SELECT per core.
  const width = 2
  const pool = new pg.Pool({
    connectionString: url,
    max: width,
    // Session settings only (fine on a shared server): big sorts for the index builds.
    options: '-c synchronous_commit=off -c maintenance_work_mem=512MB -c work_mem=64MB',
  })
  pool.on('error', () => {}) // an idle client dropped by the server is not a failure of the seed
  try {
    const now = utcLiteral(new Date())
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2 /* argon2id */ })

    const schema = await step('drop keys and indexes', async () => {
      const c = await pool.connect()
      try {
        const objects = await readSchemaObjects(c)
        const empty = await c.query(`SELECT (SELECT count(*) FROM "Merchant") + (SELECT count(*) FROM "Order") AS n`)
        if (Number(empty.rows[0].n) > 0) throw new Error('the database is not empty: the seed only fills a fresh one')
        await c.query('BEGIN')
        for (const sql of objects.drops) await c.query(sql)
        await c.query('COMMIT')
        return objects
      } finally {
        c.release()
      }
    })

    // Orders, lines and addresses in chunks of merchants, so two connections share the work evenly.
    const chunk = Math.max(1, Math.ceil(sizes.merchants / 8))
    const ranges: [number, number][] = []
    for (let m = 0; m < sizes.merchants; m += chunk) ranges.push([m, Math.min(sizes.merchants, m + chunk)])
    await step('merchants, users, orders, lines, addresses', () =>
      parallel(
        pool,
        [
          merchantsSql(sizes, passwordHash),
          ...ranges.map(([a, b]) => [ordersSql(sizes, now, a, b)]),
          ...ranges.map(([a, b]) => [linesSql(sizes, now, a, b)]),
          ...ranges.map(([a, b]) => [addressesSql(sizes, now, a, b)]),
        ],
        width,
      ),
    )
    await step('sync tasks, attempts, issues', () => parallel(pool, [[...syncStagingSql(sizes, now), ...syncInsertSql(now)]], 1))

    await step('primary keys', () => parallel(pool, schema.pks.map((s) => [s]), width))
    // Largest tables first so the two connections finish together.
    const order = ['"OrderAddress"', '"OrderLine"', '"Order"', '"SyncAttempt"']
    const weight = (sql: string) => {
      const i = order.findIndex((t) => sql.includes(`ON public.${t} `))
      return i === -1 ? order.length : i
    }
    await step('indexes', () => parallel(pool, [...schema.indexes].sort((a, b) => weight(a) - weight(b)).map((s) => [s]), width))
    // Validating a foreign key takes a lock that serialises those on one table: one connection.
    await step('foreign keys', () => parallel(pool, [schema.fks], 1))
    await step('check schema', async () => {
      const c = await pool.connect()
      try {
        const after = await readSchemaObjects(c)
        const a = JSON.stringify(after.signature)
        if (a !== JSON.stringify(schema.signature)) throw new Error(`schema after the load differs from the migrations':\n${a}\nvs\n${JSON.stringify(schema.signature)}`)
      } finally {
        c.release()
      }
    })
    // As autovacuum would have long done in production: statistics for the planner, and the
    // visibility map that lets counts run as index-only scans.
    await step('vacuum analyze', () => parallel(pool, LOADED_TABLES.map((t) => [`VACUUM (ANALYZE) "${t}"`]), width))

    const totalMs = Math.round(performance.now() - started)
    const c = await pool.connect()
    try {
      const rows: Record<string, number> = {}
      for (const t of LOADED_TABLES) rows[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n)
      const sync = (
        await c.query(`
        SELECT (SELECT count(*) FROM "SyncAttempt" WHERE outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE'))::int AS "failedAttempts",
               (SELECT count(*) FROM "SyncAttempt" WHERE outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE')
                   AND "createdAt" >= (now() AT TIME ZONE 'UTC') - interval '7 days')::int AS "failedAttemptsLast7Days",
               (SELECT count(*) FROM "SyncIssue" WHERE status IN ('OPEN', 'RETRYING'))::int AS "activeIssues",
               (SELECT count(DISTINCT "merchantId") FROM "SyncIssue" WHERE status IN ('OPEN', 'RETRYING'))::int AS "merchantsWithActiveIssues",
               (SELECT count(*) FROM "OrderAddress" WHERE kind = 'CURRENT')::int AS "ordersWithAddresses"`)
      ).rows[0] as Record<string, number>
      const databaseBytes = Number((await c.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b)
      const tableBytes: Record<string, number> = {}
      for (const t of LOADED_TABLES) tableBytes[t] = Number((await c.query(`SELECT pg_total_relation_size('"${t}"') AS b`)).rows[0].b)
      return { sizes, ms, totalMs, rows, sync, databaseBytes, tableBytes }
    } finally {
      c.release()
    }
  } finally {
    await pool.end()
  }
}

export function formatBytes(b: number): string {
  return b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GB` : `${(b / 1024 ** 2).toFixed(0)} MB`
}

export function seedSummary(r: SeedReport): string {
  const n = (x: number) => x.toLocaleString('en-US')
  return [
    `seeded in ${(r.totalMs / 1000).toFixed(1)} s: ${Object.entries(r.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(' · ')}`,
    `rows: ${Object.entries(r.rows).map(([k, v]) => `${k} ${n(v)}`).join(' · ')}`,
    `sync: ${Object.entries(r.sync).map(([k, v]) => `${k} ${n(v)}`).join(' · ')}`,
    `database size ${formatBytes(r.databaseBytes)} (${Object.entries(r.tableBytes).map(([k, v]) => `${k} ${formatBytes(v)}`).join(' · ')})`,
  ].join('\n')
}

// ---- `npm run bench:seed` --------------------------------------------------------------------

async function main() {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      merchants: { type: 'string' },
      orders: { type: 'string' },
      attempts: { type: 'string' },
    },
  })
  const base = args.quick ? QUICK_SIZES : FULL_SIZES
  const sizes: SeedSizes = {
    merchants: args.merchants ? Number(args.merchants) : base.merchants,
    ordersPerMerchant: args.orders ? Number(args.orders) : base.ordersPerMerchant,
    attemptsPerMerchant: args.attempts ? Number(args.attempts) : base.attemptsPerMerchant,
  }
  installCleanupHandlers()
  const workDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-seed-'))
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true })
  onCleanup('remove work dir', removeWorkDir)
  onExitSync(removeWorkDir)
  try {
    const say = (m: string) => console.log(`[seed] ${m}`)
    const db = await createThrowawayDatabase({ name: `bm_bench_seed_${process.pid}`, log: say })
    onCleanup('drop database', () => db.destroy())
    const t = performance.now()
    const n = await migrate(db.url, path.join(ROOT, 'prisma/migrations'))
    say(`${n} migrations applied (${Math.round(performance.now() - t)} ms)`)
    say(`seeding ${sizes.merchants} merchants × ${sizes.ordersPerMerchant} orders, ${sizes.attemptsPerMerchant} sync attempts each…`)
    const report = await seedDashboard(db.url, sizes, say)
    console.log(seedSummary(report))
    if (args.keep) {
      say(`kept: ${db.url}  (password: postgres; users bench-m<N>@bench.example / ${BENCH_PASSWORD}). Ctrl-C drops it.`)
      await new Promise(() => {}) // until a signal; the handlers clean up
    }
  } finally {
    await cleanup()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    await cleanup()
    process.exit(1)
  })
}
