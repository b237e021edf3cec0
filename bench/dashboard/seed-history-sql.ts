// The seed's history besides orders and sync, set-based like the rest: the audit trail the Audit
// page reads (newest first, a page at a time) and the import runs the staff overview probes for
// each merchant's last import. Sized per merchant, so both grow with --merchants like production.
import { merchantUuid, referenceSql, referenceWidth, rnd, userUuid, type SeedSizes } from './seed-model'

/** Audit events per merchant: a year of a busy merchant's changes (~one a day on two fronts). */
export const AUDIT_EVENTS_PER_MERCHANT = 500
/** Import runs per merchant: the last month, every six hours. */
export const IMPORT_RUNS_PER_MERCHANT = 120

const ACTIONS = `(ARRAY['order.address_updated','order.address_updated','order.resync_requested','sync_issue.dismissed','sku_mapping.saved','user.preferences_updated','api_key.created','webhook.endpoint_updated'])`

export function auditSql(s: SeedSizes, now: string, m0: number, m1: number): string {
  const W = referenceWidth(s.merchants)
  const E = AUDIT_EVENTS_PER_MERCHANT
  const O = s.ordersPerMerchant
  // One order in two of the order actions names an existing order (its reference), as the
  // order page's timeline reads them; the worker and API keys act now and then, users mostly.
  return `
    INSERT INTO "AuditEvent" (at, "merchantId", "actorKind", "actorId", "actorName", action, "orderReference", "subjectType", "subjectId", before, after)
    SELECT ${now} - ((${E} - e) * (365.0 / ${E}) + ${rnd('k', 21)} * 0.5) * interval '1 day', ${merchantUuid('m')},
           kind::"AuditActorKind",
           CASE kind WHEN 'USER' THEN ${userUuid('m')}::text WHEN 'WORKER' THEN 'sync' ELSE 'bench-key-' || m END,
           CASE kind WHEN 'USER' THEN 'Bench user <bench-m' || m || '@bench.example>' WHEN 'WORKER' THEN 'worker' ELSE 'bmk_live_bench… (ERP)' END,
           action,
           CASE WHEN action LIKE 'order.%' THEN (${referenceSql('m', `greatest(0, ${O - 1} - (${E} - e) * ${O} / ${E})`, W)})::text END,
           CASE WHEN action LIKE 'order.%' THEN 'order' END, NULL,
           CASE WHEN action = 'order.address_updated' THEN jsonb_build_object('street', (k % 180 + 1) || ' rue de la Paix') END,
           CASE WHEN action = 'order.address_updated' THEN jsonb_build_object('street', (k % 180 + 2) || ' rue de la Paix') END
      FROM (
        SELECT m, e, k, ${ACTIONS}[floor(${rnd('k', 22)} * 8)::int + 1] AS action,
               CASE WHEN ${rnd('k', 23)} < 0.85 THEN 'USER' WHEN ${rnd('k', 23)} < 0.95 THEN 'WORKER' ELSE 'API_KEY' END AS kind
          FROM generate_series(${m0}, ${m1 - 1}) m, generate_series(0, ${E - 1}) e, LATERAL (SELECT m::bigint * ${E} + e AS k) kk
        OFFSET 0
      ) x`
}

export function importRunsSql(s: SeedSizes, now: string): string {
  const R = IMPORT_RUNS_PER_MERCHANT
  return `
    INSERT INTO "ImportRun" (id, "merchantId", status, "startedAt", "finishedAt", "cursorFrom", "cursorTo", "ordersSeen", "ordersCreated", "ordersUpdated", failures, error)
    SELECT md5('bench-import-' || m || '-' || r)::uuid, ${merchantUuid('m')}, 'SUCCEEDED'::"ImportRunStatus",
           ${now} - (${R} - r) * interval '6 hours', ${now} - (${R} - r) * interval '6 hours' + interval '40 seconds',
           ${now} - (${R} - r + 1) * interval '6 hours', ${now} - (${R} - r) * interval '6 hours', 3, 1, 2, 0, NULL
      FROM generate_series(0, ${s.merchants - 1}) m, generate_series(0, ${R - 1}) r`
}
