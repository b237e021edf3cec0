// The orders of the seed, set-based (INSERT … SELECT generate_series): merchants and their users,
// then orders, their lines and both addresses, by ranges of merchants so that connections can
// share the work.
import { CITIES, COUNTRIES, CURRENCIES, FIRST, LAST, lineSku, lineState, MARKETS, merchantUuid, orderUuid, referenceSql, referenceWidth, rnd, SHIPPERS, skuPrice, skuText, skuTitle, STREETS, userUuid, type SeedSizes } from './seed-model'

export function merchantsSql(s: SeedSizes, passwordHash: string): string[] {
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


export function ordersSql(s: SeedSizes, now: string, m0: number, m1: number): string {
  return `
    INSERT INTO "Order" (id, "merchantId", reference, status, version, "countryCode", currency, "totalPrice", "shippingPrice",
                         shipper, "trackingNumber", "trackingUrl", "placedAt", "expectedDispatchAt", "validatedAt", "shippedAt", "deliveredAt",
                         "addressIssues", "addressCheckedAt", "carrierRejection", "carrierRejectedAt", "bmState", "bmDateModification", "bmSnapshot", "bmSeenAt", "createdAt", "updatedAt")
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
           -- The Errors tab's work queue: a third of the new orders failed the address check, and one
           -- prepared order in twenty was refused by a carrier at label creation.
           CASE WHEN status = 'CREATED' AND ${rnd('k', 6)} < 0.3
                THEN '[{"code":"postal_code_mismatch","field":"postalCode","severity":"error"},{"code":"phone_missing","field":"phone","severity":"warning"}]'::jsonb END,
           CASE WHEN status <> 'CREATED' OR ${rnd('k', 6)} < 0.3 THEN placed + interval '6 hours' END,
           CASE WHEN rejected THEN jsonb_build_object('carrier', ${SHIPPERS}[k % 5 + 1], 'message', 'Street not found', 'fields', jsonb_build_array('street'),
                                                 'at', to_char(placed + interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) END,
           CASE WHEN rejected THEN placed + interval '1 day' END,
           bm, placed + interval '2 days', snapshot, ${now}, placed, placed + interval '2 days'
      FROM (
        SELECT b.*, status IN ('IN_TRANSIT', 'DELIVERED') AS shipped, status IN ('PICKING', 'PACKED') AND ${rnd('k', 7)} < 0.05 AS rejected,
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
