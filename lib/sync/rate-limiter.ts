// A rate limiter shared by every worker on every machine: GCRA (the generic cell rate algorithm)
// with its one number of state, the theoretical arrival time (tat), in a RateLimitBucket row per
// key. Each admission is one atomic statement timed by the database clock, so the limit holds
// across processes and no worker's clock matters.
//
// GCRA: T is the emission interval (one cell per T), B the burst. A request of n cells at time t
// is admitted iff  max(tat, t) + n·T <= t + B·T, and then tat := max(tat, t) + n·T.
//
// Why no window of W can hold more than B + floor(W/T) cells. Take the admissions whose times lie
// in a closed window of length W, in the order the row lock served them; let the first be at t₁
// and the last at tₖ (|tₖ − t₁| <= W, whatever order the clock readings came in). The first left
// tat >= t₁ + n₁·T; every later admission adds its n·T and nothing ever moves tat back (penalize
// only pushes it forward), so the last one computed tat >= t₁ + (sum of their cells)·T, and it
// was admitted only because that tat <= tₖ + B·T. Hence cells <= B + (tₖ − t₁)/T <= B + W/T,
// and cells being whole, cells <= B + floor(W/T).
//
// So T = ceil(W / (limit − margin − burst)) whole milliseconds gives at most limit − margin per
// window and sustains limit − margin − burst per window (less the rounding of T). The margin is
// there because the remote side counts arrivals, not our clock readings: the delay from one to the
// other (timers, network) varies, and a spread of J squeezes a window of W + J of ours into its
// window of W. Whole milliseconds because `tat` is TIMESTAMP(3): rounding a fractional tat to
// the nearest ms would shorten T and break the bound, so every stored tat is rounded up instead
// (only ever stricter) and the admission test runs on the exact, unrounded value.
//
// The remote side's count is of arrivals. An arrival is our due time plus a delay d (the answer's
// way back, our timer's lateness, the wire); when d varies by J across a window, a window of the
// remote's holds the cells due in W + J of ours: B + floor((W + J) / T) <= limit holds while
// J < (limit − B + 1)·T − W (`spreadBudgetMs`). Three things keep our share of J small. The clock
// is read after the row lock is taken, so waiting for the lock is not counted as a delay. A
// sleeping caller looks for a penalty before its slot, not after. And a caller that wakes more
// than `lateMs` after its slot (a busy event loop) gives the slot up and reserves again: the late
// cell would arrive among the next ones, bunched.
import 'server-only'
import { setTimeout as sleep } from 'node:timers/promises'
import { prepared, runPrepared } from '@/lib/db/prepared'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'

export type RateLimiterOptions = {
  /** One bucket per key: everyone using the same key shares one budget. */
  key: string
  /** Most cells the remote side accepts in any window of `windowMs`. */
  limit: number
  windowMs: number
  /** Cells admitted at once from an idle bucket; the sustained rate is what the burst leaves. */
  burst: number
  /** Cells per window we never use: room for latency jitter and others sharing the budget. */
  margin?: number
  /**
   * A caller that wakes more than this after its slot gives the slot up (sends nothing) and
   * reserves again. Unset: it sends however late.
   */
  lateMs?: number
}

export type GcraParams = {
  emissionIntervalMs: number
  burst: number
  /** The proven ceiling of cells admitted in any window of `windowMs`: burst + floor(window / T). */
  maxPerWindow: number
  /**
   * The most the delay from due time to the remote's count may vary within a window while no
   * window of the remote's holds more than `limit`: (limit − burst + 1)·T − window − 1.
   */
  spreadBudgetMs: number
}

export function gcraParams(opts: Omit<RateLimiterOptions, 'key' | 'lateMs'>): GcraParams {
  const { limit, windowMs, burst, margin = 0 } = opts
  for (const [name, v] of Object.entries({ limit, windowMs, burst, margin })) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`rate limiter ${name} must be a whole number >= 0, got ${v}`)
  }
  if (burst < 1 || windowMs < 1) throw new RangeError('rate limiter burst and windowMs must be at least 1')
  const steady = limit - margin - burst
  if (steady < 1) throw new RangeError(`rate limiter burst ${burst} + margin ${margin} leave nothing of limit ${limit}`)
  const emissionIntervalMs = Math.ceil(windowMs / steady)
  return {
    emissionIntervalMs,
    burst,
    maxPerWindow: burst + Math.floor(windowMs / emissionIntervalMs),
    spreadBudgetMs: (limit - burst + 1) * emissionIntervalMs - windowMs - 1,
  }
}

export type AcquireOptions = {
  maxWaitMs?: number
  signal?: AbortSignal
  /**
   * A round trip the caller must make before it sends (a sync run confirms its claim): run in the
   * lead before the slot, beside the penalty read, rather than between the slot and the send,
   * where it would delay the send past the slot and bunch it with the next. A caller it made late
   * (over `lateMs`) reserves again, and runs it again before the new slot (a few times at most).
   */
  beforeSlot?: () => Promise<unknown>
}

export type TryAcquireResult = { ok: true; at: Date } | { ok: false; retryAfterMs: number }

export type RateLimiter = GcraParams & {
  readonly key: string
  /** One attempt. `at` is the database time of the admission. */
  tryAcquire(cost?: number): Promise<TryAcquireResult>
  /**
   * Waits for the cells (sleeping exactly until they are due, plus a little jitter) and resolves
   * with the admission's database time. Throws AppError `rate_limited` (details.retryAfterMs) when
   * they are not due within `maxWaitMs`, and the signal's reason when aborted.
   */
  acquire(cost?: number, opts?: AcquireOptions): Promise<Date>
  /**
   * After a 429 the remote side sent despite us (someone else shares the budget): admit nothing,
   * in any worker, for `blockMs`; then resume at the steady rate, without a burst. Resolves with
   * the database time from which cells are admitted again.
   */
  penalize(blockMs: number): Promise<Date>
}

// The statements, named once per process (lib/db/prepared.ts): one admission is one round trip
// on the shared pool, without the ORM's per-query work (four of them per sync task).
//
// Reserve: $1 key, $2 cost·T, $3 B·T + maxWait (ms). The row lock is taken first and the clock
// read after it (the aggregate consumes `locked` before `clock` projects), so the time spent
// queueing for a hot row does not become a delay between due time and sending. Due at
// d = max(now, tat − (B − cost)·T); admitted iff d <= now + maxWait, i.e.
// max(tat, now) + cost·T <= now + B·T + maxWait (the admission test when maxWait is 0).
const RESERVE = prepared(
  'rate_limiter_reserve',
  `WITH locked AS MATERIALIZED (SELECT tat FROM "RateLimitBucket" WHERE key = $1 FOR UPDATE),
   clock AS MATERIALIZED (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now FROM (SELECT count(*) FROM locked) AS after_lock),
   reserved AS (
     INSERT INTO "RateLimitBucket" AS b (key, tat)
     SELECT $1, date_trunc('milliseconds', now + interval '999 microseconds') + $2::float8 * interval '1 ms'
     FROM clock
     ON CONFLICT (key) DO UPDATE
       SET tat = date_trunc('milliseconds', greatest(b.tat, (SELECT now FROM clock)) + interval '999 microseconds')
                 + $2::float8 * interval '1 ms'
       WHERE greatest(b.tat, (SELECT now FROM clock)) + $2::float8 * interval '1 ms'
             <= (SELECT now FROM clock) + $3::float8 * interval '1 ms'
     RETURNING tat
   )
   SELECT (extract(epoch FROM now) * 1000)::float8 AS now_ms,
          (extract(epoch FROM (SELECT tat FROM reserved)) * 1000)::float8 AS reserved_tat_ms,
          (extract(epoch FROM (SELECT tat FROM locked)) * 1000)::float8 AS tat_ms
   FROM clock`,
)

const BLOCKED_UNTIL = prepared(
  'rate_limiter_blocked_until',
  `SELECT (extract(epoch FROM "blockedUntil") * 1000)::float8 AS blocked_ms FROM "RateLimitBucket" WHERE key = $1`,
)

// Penalize: $1 key, $2 block + (B − 1)·T, $3 block (ms).
const PENALIZE = prepared(
  'rate_limiter_penalize',
  `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now)
   INSERT INTO "RateLimitBucket" AS b (key, tat, "blockedUntil")
   SELECT $1,
          date_trunc('milliseconds', now + $2::float8 * interval '1 ms' + interval '999 microseconds'),
          date_trunc('milliseconds', now + $3::float8 * interval '1 ms' + interval '999 microseconds')
   FROM clock
   ON CONFLICT (key) DO UPDATE SET tat = greatest(b.tat, excluded.tat), "blockedUntil" = greatest(b."blockedUntil", excluded."blockedUntil")
   RETURNING (extract(epoch FROM tat) * 1000)::float8 AS tat_ms`,
)

/** How long before its slot a sleeping caller looks for a penalty set meanwhile. */
const BLOCK_CHECK_LEAD_MS = 30
/** How many slots a caller's `beforeSlot` round trip may make it give up before it sends late. */
const HOOK_LATE_RETRIES = 3

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const { key, lateMs } = opts
  if (!key) throw new RangeError('rate limiter key must not be empty')
  if (lateMs !== undefined && !(lateMs >= 0)) throw new RangeError(`rate limiter lateMs must be >= 0, got ${lateMs}`)
  const params = gcraParams(opts)
  const T = params.emissionIntervalMs
  const burstMs = params.burst * T

  function checkCost(cost: number) {
    if (!Number.isSafeInteger(cost) || cost < 1 || cost > params.burst) {
      // More than the burst would never be admitted: a caller bug, not a wait.
      throw new RangeError(`rate limiter ${key}: cost must be a whole number from 1 to the burst ${params.burst}, got ${cost}`)
    }
  }

  /** Admitted now or refused: a reservation that may not wait. */
  async function tryAcquire(cost = 1): Promise<TryAcquireResult> {
    const r = await reserve(cost, 0)
    return r.ok ? { ok: true, at: new Date(r.dueMs) } : r
  }

  /**
   * Reserves the cells at the first time they are due, at most `maxWaitMs` ahead, in one
   * statement: tat moves on as if they were admitted then. The caller sleeps until that time and
   * sends. Waiters no longer ask again and again for the same slot (with 16 in flight per token
   * that was 16 statements on one locked row per admission, most of the database's work under
   * load); each admission is one statement. The bound above still holds with "admitted at" read
   * as "due at": nobody sends before their due time (the sleep starts after the answer arrives).
   */
  async function reserve(cost: number, maxWaitMs: number): Promise<{ ok: true; nowMs: number; dueMs: number } | { ok: false; retryAfterMs: number }> {
    checkCost(cost)
    type Row = { now_ms: number; reserved_tat_ms: number | null; tat_ms: number | null }
    const [row] = await runPrepared<Row>(RESERVE, [key, cost * T, burstMs + maxWaitMs])
    if (!row) throw new Error(`rate limiter ${key}: the reservation statement returned no row`)
    // The new tat is (max(tat, now) rounded up) + cost·T, so tat − B·T is the due time, late by
    // under a millisecond at most: only ever stricter.
    if (row.reserved_tat_ms !== null) return { ok: true, nowMs: row.now_ms, dueMs: Math.max(row.now_ms, row.reserved_tat_ms - burstMs) }
    const dueAtMs = row.tat_ms === null ? row.now_ms + T : row.tat_ms - (params.burst - cost) * T
    return { ok: false, retryAfterMs: Math.max(1, Math.ceil(dueAtMs - row.now_ms)) }
  }

  /** Whether a penalty set after this caller's reservation covers its slot. */
  async function blockedAt(dueMs: number): Promise<boolean> {
    const [row] = await runPrepared<{ blocked_ms: number | null }>(BLOCKED_UNTIL, [key])
    const blockedMs = row?.blocked_ms
    return blockedMs != null && blockedMs > dueMs
  }

  async function acquire(cost = 1, o: AcquireOptions = {}): Promise<Date> {
    const deadline = performance.now() + (o.maxWaitMs ?? Infinity)
    const runBeforeSlot = async () => {
      await o.beforeSlot?.()
    }
    let lateAfterHook = 0
    for (;;) {
      o.signal?.throwIfAborted()
      // An infinite wait is sent as a century: the statement needs a number.
      const maxWaitMs = Math.max(0, Math.min(deadline - performance.now(), 100 * 365 * 24 * 3600 * 1000))
      const r = await reserve(cost, maxWaitMs)
      if (!r.ok) {
        throw new AppError('rate_limited', {
          message: `rate limiter ${key}: ${cost} cell(s) due in ${r.retryAfterMs} ms, beyond the ${o.maxWaitMs} ms allowed`,
          details: { key, retryAfterMs: r.retryAfterMs },
        })
      }
      const waitMs = r.dueMs - r.nowMs
      if (waitMs <= 0 && !o.beforeSlot) return new Date(r.dueMs)
      // The slot's time on this process's clock, from the answer: the statement's own way back
      // is part of the delay the spread budget leaves to the network.
      const dueLocal = performance.now() + Math.max(0, waitMs)
      const nap = async (ms: number) => {
        try {
          // +1: timers round to whole milliseconds and must not fire before the slot.
          if (ms > 0) await sleep(Math.ceil(ms) + 1, undefined, { signal: o.signal })
        } catch (err) {
          if (o.signal?.aborted) throw o.signal.reason
          throw err
        }
      }
      // A 429 while this caller slept (penalize) voids its slot: the cells are reserved again,
      // after the block. The slot itself stays spent: never more sent, only less. The penalty is
      // read shortly before the slot, not after it: that round trip would delay the send (and
      // bunch it with the next); a penalty in the last BLOCK_CHECK_LEAD_MS is not seen.
      if (waitMs > BLOCK_CHECK_LEAD_MS) {
        await nap(waitMs - BLOCK_CHECK_LEAD_MS)
        const [blocked] = await Promise.all([blockedAt(r.dueMs), runBeforeSlot()])
        if (blocked) continue
      } else {
        await runBeforeSlot()
      }
      await nap(dueLocal - performance.now())
      const late = performance.now() - dueLocal
      if (lateMs === undefined || late <= lateMs) return new Date(r.dueMs)
      // A round trip that is always slower than the lead (a starved pool) would give up slot after
      // slot: after a few, the caller sends late rather than never.
      if (o.beforeSlot && ++lateAfterHook > HOOK_LATE_RETRIES) return new Date(r.dueMs)
      // Sent now, this cell would arrive among the next ones: given up, like a blocked slot.
      log.warn({ key, lateMs: Math.round(late) }, 'rate limiter: woke too late for the slot; reserving again')
    }
  }

  async function penalize(blockMs: number): Promise<Date> {
    if (!Number.isFinite(blockMs) || blockMs < 0) throw new RangeError(`rate limiter ${key}: blockMs must be >= 0, got ${blockMs}`)
    // Cells are due from tat − (B − 1)·T: a tat of now + blockMs + (B − 1)·T admits the first cell
    // after the block and the next ones at the steady rate. greatest(): never shorten a longer block.
    // blockedUntil tells callers already holding a slot inside the block not to send (acquire).
    const [row] = await runPrepared<{ tat_ms: number }>(PENALIZE, [key, blockMs + (params.burst - 1) * T, blockMs])
    if (!row) throw new Error(`rate limiter ${key}: the penalty statement returned no row`)
    return new Date(row.tat_ms - (params.burst - 1) * T)
  }

  return { key, ...params, tryAcquire, acquire, penalize }
}
