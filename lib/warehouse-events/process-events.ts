// The processor: applies recorded events, per subject (an order, a SKU) in occurredAt order, the
// effects and the events' new states in ONE transaction. So an acknowledged event is applied
// exactly once whatever happens: a worker killed mid-way rolls the effects back with the states,
// and the events are still PENDING for the next run. Any number of workers may run it: a subject
// is applied under a transaction-scoped advisory lock that a second worker does not wait for.
//
// A transaction takes up to EVENTS_PER_TRANSACTION of a subject's events (a SKU's burst of counts
// costs one transaction, and only the last count of a run is applied: coalesce.ts). If any of
// them fails, everything rolls back and the subject goes one event at a time until past it. Then
// an operation's refusal (a status guard, a rule) is an outcome, recorded on its own after the
// rollback (no half-applied event); anything unexpected, and a refusal that may not hold for long
// (outcome.ts isRetryableRefusal), is retried with backoff, the subject waiting behind it; after
// MAX_ATTEMPTS the event is REFUSED with its rule, or `internal` and logged.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'
import { withOutbox } from '@/lib/warehouse/with-outbox'
import { applyEvent } from './apply-event'
import { lockDueEvents, settleEvents, type Subject } from './claim-events'
import { supersededLevels } from './coalesce'
import { isLostRace, isRetryableRefusal, refused, refusedBy, type Outcome } from './outcome'

export const MAX_ATTEMPTS = 6
const EVENTS_PER_TRANSACTION = 50
/**
 * A run of 50 events takes a few hundred statements: more than Prisma's 5 s default on a busy
 * machine, and the worker's pool is shared with the sync tasks, hence the longer waits.
 */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 60_000 }
/** Subjects read per round (the read sorts every pending event: ~25 ms per 10,000 here, so not too often). */
const SUBJECTS_PER_ROUND = 500
const DEFAULT_CONCURRENCY = 8

export type ProcessSummary = { applied: number; parked: number; refused: number; failed: number }

/**
 * Applies pending events until none is due (or `deadline`, a Date.now() value, passes). `more` is
 * true when it stopped at the deadline with events left. Safe to run in several places at once.
 *
 * Workers run it on their own (scripts/worker.ts: woken by each recorded batch, and every minute).
 * To know processing is done (a benchmark, a test), wait until no event is PENDING:
 * `SELECT count(*) FROM "WarehouseEvent" WHERE state = 'PENDING'` (add `AND "merchantId" = …` for
 * your own); PARKED events wait for an import, APPLIED and REFUSED are done. An event failing
 * unexpectedly stays PENDING until its retries run out (about 11 minutes), so also watch
 * `attempts > 0` if the count stops falling.
 */
export async function processPendingEvents(opts: { deadline?: number; concurrency?: number } = {}): Promise<ProcessSummary & { more: boolean }> {
  const summary: ProcessSummary = { applied: 0, parked: 0, refused: 0, failed: 0 }
  const total = () => summary.applied + summary.parked + summary.refused + summary.failed
  for (;;) {
    const subjects = await dueSubjects()
    if (subjects.length === 0) return { ...summary, more: false }
    const before = total()
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, subjects.length) }, async () => {
        while (next < subjects.length) await drainSubject(subjects[next++]!, summary)
      }),
    )
    if (opts.deadline !== undefined && Date.now() > opts.deadline) return { ...summary, more: true }
    // Every due subject was held by other workers: they are on it.
    if (total() === before) return { ...summary, more: false }
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
    WHERE "retryAt" IS NULL OR "retryAt" <= now() AT TIME ZONE 'UTC'
    LIMIT ${SUBJECTS_PER_ROUND}`
}

type Counts = Partial<ProcessSummary>

async function drainSubject(subject: Subject, summary: ProcessSummary): Promise<void> {
  let limit = EVENTS_PER_TRANSACTION
  for (let races = 0; ; ) {
    let counts: Counts | null
    try {
      counts = await applyDue(subject, limit)
      limit = EVENTS_PER_TRANSACTION
    } catch (err) {
      if (isLostRace(err) && ++races < 3) continue
      // One of the run failed: find it, one event per transaction.
      if (limit > 1) {
        limit = 1
        continue
      }
      const expected = err instanceof AppError && err.code !== 'internal' && !isRetryableRefusal(err)
      counts = expected ? await recordRefusal(subject, err) : await recordFailure(subject, err)
    }
    if (!counts) return
    for (const [key, n] of Object.entries(counts) as [keyof ProcessSummary, number][]) summary[key] += n
  }
}

/** Up to `limit` of the subject's due events, applied with their outcomes in one transaction; null when none. */
async function applyDue(subject: Subject, limit: number): Promise<Counts | null> {
  return withOutbox(async (tx, outbox) => {
    const events = await lockDueEvents(tx, subject, limit)
    if (events.length === 0) return null
    const superseded = supersededLevels(events)
    const settled: { id: string; outcome: Outcome }[] = []
    for (const event of events) {
      const outcome = superseded.get(event.id) ?? (await applyEvent(tx, outbox, event))
      settled.push({ id: event.id, outcome })
    }
    await settleEvents(tx, settled)
    return countOf(settled.map((s) => s.outcome))
  }, TRANSACTION_LIMITS)
}

const COUNTED: Record<Outcome['state'], keyof ProcessSummary> = { APPLIED: 'applied', PARKED: 'parked', REFUSED: 'refused' }

function countOf(outcomes: readonly Outcome[]): Counts {
  const counts: Counts = {}
  for (const o of outcomes) counts[COUNTED[o.state]] = (counts[COUNTED[o.state]] ?? 0) + 1
  return counts
}

/** The head event's expected refusal, after its transaction rolled back. */
async function recordRefusal(subject: Subject, err: AppError): Promise<Counts | null> {
  return db.$transaction(async (tx) => {
    const [event] = await lockDueEvents(tx, subject, 1)
    if (!event) return null
    await settleEvents(tx, [{ id: event.id, outcome: refusedBy(err) }])
    return { refused: 1 }
  })
}

/** Retry delay after the n-th failure: 2 s, 8 s, 32 s, ~2 min, ~8.5 min. */
export function retryDelayMs(attempts: number): number {
  return 2_000 * 4 ** (attempts - 1)
}

async function recordFailure(subject: Subject, err: unknown): Promise<Counts | null> {
  return db.$transaction(async (tx) => {
    const [event] = await lockDueEvents(tx, subject, 1)
    if (!event) return null
    const attempts = event.attempts + 1
    const context = { err, eventId: event.eventId, merchantId: event.merchantId, attempts }
    const retryable = isRetryableRefusal(err)
    if (attempts >= MAX_ATTEMPTS) {
      if (retryable) log.info(context, 'warehouse event refused: its rule still held at the last attempt')
      else log.error(context, 'warehouse event refused after repeated failures')
      await tx.warehouseEvent.update({ where: { id: event.id }, data: { attempts } })
      const outcome = retryable ? refusedBy(err) : refused('internal', 'The event could not be applied (an error on our side); it was tried several times.', { attempts })
      await settleEvents(tx, [{ id: event.id, outcome }])
      return { refused: 1 }
    }
    if (retryable) log.info(context, 'warehouse event refused for now; will retry')
    else log.warn(context, 'warehouse event failed; will retry')
    const message = err instanceof Error ? err.message.slice(0, 500) : String(err)
    await tx.warehouseEvent.update({ where: { id: event.id }, data: { attempts, retryAt: new Date(Date.now() + retryDelayMs(attempts)), outcomeMessage: message } })
    return { failed: 1 }
  })
}
