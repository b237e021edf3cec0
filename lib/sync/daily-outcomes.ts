// The chart of the last days' updates to Back Market, per merchant and per flow (Cubyn's
// parcel_update = ACCEPT, SHIP, CANCEL; stock_update = STOCK: flowOf in connection-health-rules.ts,
// the banner's own mapping). Per local day of the reader's zone:
// - failed: the calls of the flow that failed that day (SyncAttempt with a failure outcome,
//   transient or permanent — the rows the banner lists), each retry counting again;
// - recovered: the updates of the flow that reached Back Market that day after at least one failed
//   call — an automatic retry, a re-sync, or a check after a fix. That is a sync issue resolved
//   that day (every failure opens or feeds its group's issue, and the issue resolves when a later
//   task of the group is accepted or found already applied), so it is counted as the banner's
//   "recovered" is. A dismissed issue did not recover: a person gave up on it.
// One statement for any number of merchants (the staff overview draws a chart per row).
import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import type { SyncOperation } from '@/lib/generated/prisma/enums'
import { localDays } from '@/lib/i18n/local-day'
import { DAILY_OUTCOME_DAYS, emptyOutcomes, flowKey, type DailyOutcome } from './daily-outcomes-rules'

export type { DailyOutcome, FlowOutcome } from './daily-outcomes-rules'

type Row = { measure: 'failed' | 'recovered'; merchantId: string; operation: SyncOperation; bucket: number; count: number }

/** Every merchant asked for gets exactly `days` entries, oldest first, zeros included. */
export async function dailyOutcomes(opts: {
  merchantIds: string[]
  timeZone: string
  days?: number
  now?: Date
}): Promise<Map<string, DailyOutcome[]>> {
  const now = opts.now ?? new Date()
  const { days, starts } = localDays({ now, timeZone: opts.timeZone, days: opts.days ?? DAILY_OUTCOME_DAYS })
  const result = new Map(opts.merchantIds.map((id) => [id, emptyOutcomes(days)]))
  if (opts.merchantIds.length === 0) return result
  const rows = await db.$queryRaw<Row[]>(dailyOutcomesSql(opts.merchantIds, starts, now))
  for (const row of rows) {
    // width_bucket: 1 is the first day; the window's bounds keep every row in 1..days.
    const day = result.get(row.merchantId)?.[row.bucket - 1]
    if (day) day[flowKey(row.operation)][row.measure] += row.count
  }
  return result
}

// Dates travel as UTC text and the columns are timestamp(3) without time zone (Prisma stores UTC):
// casting to `timestamp` keeps the session time zone out (as in connection-health.ts). Both reads
// lead with merchantId: SyncAttempt by (merchantId, outcome, createdAt); SyncIssue by
// (merchantId, resolvedAt) (an issue may resolve weeks after its last failure, so lastSeenAt
// cannot bound it).
function dailyOutcomesSql(merchantIds: string[], starts: Date[], now: Date): Prisma.Sql {
  const ids = Prisma.sql`${merchantIds}::uuid[]`
  const bounds = Prisma.sql`${starts.map((s) => s.toISOString())}::timestamp[]`
  const from = starts[0]!
  return Prisma.sql`
    SELECT 'failed' AS measure, "merchantId", operation, width_bucket("createdAt", ${bounds}) AS bucket, count(*)::int AS count
      FROM "SyncAttempt"
     WHERE "merchantId" = ANY(${ids}) AND outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE')
       AND "createdAt" >= ${from}::timestamp AND "createdAt" <= ${now}::timestamp
     GROUP BY "merchantId", operation, bucket
    UNION ALL
    SELECT 'recovered', "merchantId", operation, width_bucket("resolvedAt", ${bounds}), count(*)::int
      FROM "SyncIssue"
     WHERE "merchantId" = ANY(${ids}) AND status = 'RESOLVED'
       AND "resolvedAt" >= ${from}::timestamp AND "resolvedAt" <= ${now}::timestamp
     GROUP BY "merchantId", operation, 4`
}
