// Ingest: records a batch of warehouse events and answers for each. Every event is checked on its
// own (a bad one is refused alone, naming its field). The good ones are written by ONE statement —
// a multi-row INSERT … ON CONFLICT DO NOTHING — so the batch is recorded whole or not at all, and
// an acknowledged event is durable before the answer leaves. Ids already known are then told
// apart: same content → duplicate (with the first one's outcome as it stands), other content →
// conflict. The work itself is the processor's (process-events.ts), woken after the commit.
import 'server-only'
import type { ZodError } from 'zod'
import { prepared, runPrepared } from '@/lib/db/prepared'
import { notifyEventProcessor } from '@/lib/sync/warehouse-event-wakeup'
import { eventSubject, WarehouseEventSchema, type WarehouseEvent } from './event-schema'
import type { EventResult } from './event-results'
import { toEventState, toOutcome, type StoredOutcome } from './event-state'
import { payloadHash } from './payload-hash'

type Valid = { index: number; event: WarehouseEvent; hash: string }
type Existing = StoredOutcome & { merchantId: string; eventId: string; payloadHash: string }

export async function recordWarehouseEvents(opts: { events: readonly unknown[]; apiKeyId: string | null }): Promise<EventResult[]> {
  const results: (EventResult | undefined)[] = new Array(opts.events.length)
  const valid: Valid[] = []
  opts.events.forEach((raw, index) => {
    const parsed = WarehouseEventSchema.safeParse(raw)
    if (parsed.success) valid.push({ index, event: parsed.data, hash: payloadHash(parsed.data) })
    else results[index] = { id: rawId(raw), result: 'rejected', error: { code: 'bad_request', message: 'The event is not valid.', fields: fieldsOf(index, parsed.error) } }
  })

  const inserted = valid.length > 0 ? await insertEvents(valid, opts.apiKeyId) : new Set<string>()
  // The INSERT wrote the first event of each new key; any other (a known id, or the same id
  // twice in this batch) is answered from the row as it stands.
  const first = new Set<string>()
  const written = new Set<Valid>()
  for (const v of valid) {
    const key = keyOf(v.event)
    if (inserted.has(key) && !first.has(key)) written.add(v)
    first.add(key)
  }
  const others = valid.filter((v) => !written.has(v))
  const existing = others.length > 0 ? await readExisting(others) : new Map<string, Existing>()
  for (const v of valid) results[v.index] = written.has(v) ? { id: v.event.id, result: 'accepted', state: 'pending' } : answerFor(v, existing.get(keyOf(v.event)))
  if (inserted.size > 0) await notifyEventProcessor()
  return results as EventResult[]
}

// PostgreSQL gives a uuid back in lower case, whatever case the WMS wrote it in.
const keyOf = (e: { merchantId: string; id: string }) => `${e.merchantId.toLowerCase()} ${e.id}`

function answerFor(v: Valid, row: Existing | undefined): EventResult {
  const id = v.event.id
  if (!row) {
    const fields = { [`events[${v.index}].merchantId`]: ['No merchant has this id.'] }
    return { id, result: 'rejected', error: { code: 'bad_request', message: 'Unknown merchant.', fields } }
  }
  if (row.payloadHash !== v.hash) {
    return { id, result: 'conflict', error: { code: 'conflict', message: 'This event id was already used for an event with other content.' } }
  }
  const outcome = toOutcome(row)
  return { id, result: 'duplicate', state: toEventState(row.state), ...(outcome ? { outcome } : {}) }
}

/**
 * One statement. Rows go in sorted by key, so two batches sharing ids lock them in the same order
 * (no deadlock); the semi-join on Merchant drops unknown merchants (answered as such). A named
 * statement on the process's pool (lib/db/prepared.ts): planned once per connection, and its 250
 * rows' seven arrays go to pg as they are, not through Prisma's raw-query serialisation
 * (bench:events, docs/benchmarks.md: the ingest's own CPU per batch).
 */
const INSERT_EVENTS = prepared(
  'warehouse_events_insert',
  `INSERT INTO "WarehouseEvent" (id, "merchantId", "eventId", type, "occurredAt", subject, payload, "payloadHash", "apiKeyId")
   SELECT gen_random_uuid(), e.merchant_id, e.event_id, e.type, e.occurred_at::timestamptz AT TIME ZONE 'UTC', e.subject, e.payload::jsonb, e.hash, $8::uuid
   FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
     WITH ORDINALITY AS e(merchant_id, event_id, type, occurred_at, subject, payload, hash, ord)
   WHERE e.merchant_id IN (SELECT id FROM "Merchant")
   ORDER BY e.ord
   ON CONFLICT ("merchantId", "eventId") DO NOTHING
   RETURNING "merchantId"::text AS "merchantId", "eventId"`,
)

async function insertEvents(valid: readonly Valid[], apiKeyId: string | null): Promise<Set<string>> {
  const rows = [...valid].sort((a, b) => (keyOf(a.event) < keyOf(b.event) ? -1 : 1))
  const col = <T>(f: (v: Valid) => T) => rows.map(f)
  const written = await runPrepared<{ merchantId: string; eventId: string }>(INSERT_EVENTS, [
    col((v) => v.event.merchantId),
    col((v) => v.event.id),
    col((v) => v.event.type),
    col((v) => v.event.occurredAt),
    col((v) => eventSubject(v.event)),
    col((v) => JSON.stringify(v.event.data)),
    col((v) => v.hash),
    apiKeyId,
  ])
  return new Set(written.map((r) => keyOf({ merchantId: r.merchantId, id: r.eventId })))
}

const READ_EXISTING = prepared(
  'warehouse_events_existing',
  `SELECT w."merchantId"::text AS "merchantId", w."eventId", w."payloadHash", w.state::text AS state, w."outcomeCode", w."outcomeMessage", w."outcomeParams"
     FROM "WarehouseEvent" w
     JOIN unnest($1::uuid[], $2::text[]) AS k(merchant_id, event_id) ON w."merchantId" = k.merchant_id AND w."eventId" = k.event_id`,
)

async function readExisting(others: readonly Valid[]): Promise<Map<string, Existing>> {
  const rows = await runPrepared<Existing>(READ_EXISTING, [others.map((v) => v.event.merchantId), others.map((v) => v.event.id)])
  return new Map(rows.map((r) => [keyOf({ merchantId: r.merchantId, id: r.eventId }), r]))
}

function rawId(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null
}

function fieldsOf(index: number, error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const path = issue.path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), `events[${index}]`)
    ;(fields[path] ??= []).push(issue.message)
  }
  return fields
}

