// Reading a subject's due events under its lock, and recording their outcomes: the two ends of
// the processor's transaction (process-events.ts).
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { subjectLockKey } from '@/lib/sync/warehouse-event-wakeup'
import { readStoredEvent, type ParsedStoredEvent, type StoredEvent } from './apply-event'
import type { Outcome } from './outcome'

export type Subject = { merchantId: string; subject: string }

/**
 * Takes the subject's lock (none when another worker holds it: an empty list) and reads its oldest
 * pending events, at most `limit`, in the order they happened; none while the oldest waits for a
 * retry (the others wait behind it).
 */
export async function lockDueEvents(tx: Prisma.TransactionClient, { merchantId, subject }: Subject, limit: number): Promise<ParsedStoredEvent[]> {
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${subjectLockKey(merchantId, subject)}) AS locked`
  if (!lock?.locked) return []
  const rows = await tx.$queryRaw<StoredEvent[]>`
    SELECT id, "merchantId"::text AS "merchantId", "eventId", type, "occurredAt", payload, attempts, "retryAt"
    FROM "WarehouseEvent"
    WHERE "merchantId" = ${merchantId}::uuid AND subject = ${subject} AND state = 'PENDING'
    ORDER BY "occurredAt", "receivedAt", "eventId" LIMIT ${limit}`
  const head = rows[0]
  if (!head || (head.retryAt && head.retryAt > new Date())) return []
  return rows.map(readStoredEvent)
}

/** The events' outcomes, in one statement. */
export async function settleEvents(tx: Prisma.TransactionClient, settled: ReadonlyArray<{ id: string; outcome: Outcome }>): Promise<void> {
  if (settled.length === 0) return
  const col = <T>(f: (s: { id: string; outcome: Outcome }) => T) => settled.map(f)
  await tx.$executeRaw`
    UPDATE "WarehouseEvent" w
    SET state = u.state::"WarehouseEventState", "outcomeCode" = u.code, "outcomeMessage" = u.message, "outcomeParams" = u.params::jsonb,
        "processedAt" = clock_timestamp() AT TIME ZONE 'UTC', "retryAt" = NULL
    FROM unnest(
      ${col((s) => s.id)}::uuid[], ${col((s) => s.outcome.state)}::text[], ${col((s) => s.outcome.code)}::text[],
      ${col((s) => s.outcome.message)}::text[], ${col((s) => (s.outcome.params ? JSON.stringify(s.outcome.params) : null))}::text[]
    ) AS u(id, state, code, message, params)
    WHERE w.id = u.id`
}
