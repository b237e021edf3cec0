// The processor: applies recorded events, per subject (an order, a SKU) in occurredAt order, each
// event's effect and its new state in ONE transaction. So an acknowledged event is applied exactly
// once whatever happens: a worker killed mid-event rolls the effect back with the state, and the
// event is still PENDING for the next run. Any number of workers may run it: a subject is applied
// under a transaction-scoped advisory lock that a second worker does not wait for (it moves on).
//
// An operation's refusal (a status guard, a rule) is an outcome: its transaction is rolled back
// (no half-applied event) and the refusal recorded in another, on the same compare-and-set. Anything
// unexpected is retried with backoff, the subject waiting behind it; after MAX_ATTEMPTS the event
// is REFUSED `internal` and logged, so one broken event cannot hold its subject for ever.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { subjectLockKey } from '@/lib/sync/warehouse-event-wakeup'
import { withOutbox } from '@/lib/warehouse/with-outbox'
import { applyEvent, readStoredEvent, type ParsedStoredEvent, type StoredEvent } from './apply-event'
import { isLostRace, refused, refusedBy, type Outcome } from './outcome'

export const MAX_ATTEMPTS = 6
/** Subjects read per round, and applied this many at a time. */
const SUBJECTS_PER_ROUND = 200
const DEFAULT_CONCURRENCY = 8

export type ProcessSummary = { applied: number; parked: number; refused: number; failed: number }

type Subject = { merchantId: string; subject: string }

/**
 * Applies pending events until none is due (or `deadline`, a Date.now() value, passes). Returns
 * what it did; `more` is true when it stopped at the deadline with events left.
 */
export async function processPendingEvents(opts: { deadline?: number; concurrency?: number } = {}): Promise<ProcessSummary & { more: boolean }> {
  const summary: ProcessSummary = { applied: 0, parked: 0, refused: 0, failed: 0 }
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY
  for (;;) {
    const subjects = await dueSubjects()
    if (subjects.length === 0) return { ...summary, more: false }
    const before = summary.applied + summary.parked + summary.refused + summary.failed
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(concurrency, subjects.length) }, async () => {
        while (next < subjects.length) await drainSubject(subjects[next++]!, summary)
      }),
    )
    if (opts.deadline !== undefined && Date.now() > opts.deadline) return { ...summary, more: true }
    // Every due subject was held by other workers: they are on it.
    if (summary.applied + summary.parked + summary.refused + summary.failed === before) return { ...summary, more: false }
  }
}

/** Subjects whose oldest pending event is due (not waiting for a retry). */
async function dueSubjects(): Promise<Subject[]> {
  return db.$queryRaw<Subject[]>`
    SELECT "merchantId"::text AS "merchantId", subject FROM (
      SELECT DISTINCT ON ("merchantId", subject) "merchantId", subject, "retryAt"
      FROM "WarehouseEvent" WHERE state = 'PENDING'
      ORDER BY "merchantId", subject, "occurredAt"
    ) head
    WHERE "retryAt" IS NULL OR "retryAt" <= now()
    LIMIT ${SUBJECTS_PER_ROUND}`
}

async function drainSubject(subject: Subject, summary: ProcessSummary): Promise<void> {
  for (let races = 0; ; ) {
    let step: Step
    try {
      step = await applyNext(subject)
    } catch (err) {
      if (isLostRace(err) && ++races < 3) continue
      step = await recordFailure(subject, err)
    }
    if (step.kind !== 'done') return
    summary[step.counted]++
  }
}

type Step = { kind: 'done'; counted: keyof ProcessSummary } | { kind: 'stop' }

const COUNTED: Record<Outcome['state'], keyof ProcessSummary> = { APPLIED: 'applied', PARKED: 'parked', REFUSED: 'refused' }

/** The subject's oldest pending event, applied with its outcome in one transaction. */
async function applyNext(subject: Subject): Promise<Step> {
  return withOutbox(async (tx, outbox): Promise<Step> => {
    const event = await lockHead(tx, subject)
    if (!event) return { kind: 'stop' }
    const outcome = await applyEvent(tx, outbox, event)
    await settle(tx, event, outcome)
    return { kind: 'done', counted: COUNTED[outcome.state] }
  }).catch(async (err: unknown) => {
    // withOutbox rolled the effect back; an expected refusal is recorded on its own.
    if (!(err instanceof AppError) || isLostRace(err) || err.code === 'internal') throw err
    return db.$transaction(async (tx): Promise<Step> => {
      const event = await lockHead(tx, subject)
      if (!event) return { kind: 'stop' }
      await settle(tx, event, refusedBy(err))
      return { kind: 'done', counted: 'refused' }
    })
  })
}

/** Takes the subject's lock (null when another worker has it) and reads its oldest pending event, if due. */
async function lockHead(tx: Prisma.TransactionClient, { merchantId, subject }: Subject): Promise<ParsedStoredEvent | null> {
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${subjectLockKey(merchantId, subject)}) AS locked`
  if (!lock?.locked) return null
  const [row] = await tx.$queryRaw<StoredEvent[]>`
    SELECT id, "merchantId"::text AS "merchantId", "eventId", type, "occurredAt", payload, attempts, "retryAt"
    FROM "WarehouseEvent"
    WHERE "merchantId" = ${merchantId}::uuid AND subject = ${subject} AND state = 'PENDING'
    ORDER BY "occurredAt", "receivedAt", "eventId" LIMIT 1`
  if (!row || (row.retryAt && row.retryAt > new Date())) return null
  return readStoredEvent(row)
}

async function settle(tx: Prisma.TransactionClient, event: Pick<StoredEvent, "id">, outcome: Outcome): Promise<void> {
  await tx.warehouseEvent.update({
    where: { id: event.id },
    data: {
      state: outcome.state,
      outcomeCode: outcome.code,
      outcomeMessage: outcome.message,
      outcomeParams: outcome.params ? (outcome.params as Prisma.InputJsonObject) : Prisma.DbNull,
      processedAt: new Date(),
      retryAt: null,
    },
  })
}

/** Retry delay after the n-th failure: 2 s, 8 s, 32 s, ~2 min, ~8.5 min. */
export function retryDelayMs(attempts: number): number {
  return 2_000 * 4 ** (attempts - 1)
}

async function recordFailure(subject: Subject, err: unknown): Promise<Step> {
  return db.$transaction(async (tx): Promise<Step> => {
    const event = await lockHead(tx, subject)
    if (!event) return { kind: 'stop' }
    const attempts = event.attempts + 1
    if (attempts >= MAX_ATTEMPTS) {
      log.error({ err, eventId: event.eventId, merchantId: event.merchantId, attempts }, 'warehouse event refused after repeated failures')
      await tx.warehouseEvent.update({ where: { id: event.id }, data: { attempts } })
      await settle(tx, event, refused('internal', 'The event could not be applied (an error on our side); it was tried several times.', { attempts }))
      return { kind: 'done', counted: 'refused' }
    }
    log.warn({ err, eventId: event.eventId, merchantId: event.merchantId, attempts }, 'warehouse event failed; will retry')
    const message = err instanceof Error ? err.message.slice(0, 500) : String(err)
    await tx.warehouseEvent.update({ where: { id: event.id }, data: { attempts, retryAt: new Date(Date.now() + retryDelayMs(attempts)), outcomeMessage: message } })
    return { kind: 'done', counted: 'failed' }
  })
}
