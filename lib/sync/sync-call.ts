// Every call a sync task makes to Back Market goes through here: it waits for a slot in the
// merchant's shared rate limit, times the call, and records it as a SyncAttempt, success or not,
// with Back Market's answer as received. A failed call moves the banner's summary in the same
// transaction (lib/sync/health/keep-health.ts).
import 'server-only'
import { BackMarketError } from '@/lib/backmarket/errors'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SyncAttemptOutcome, SyncOperation } from '@/lib/generated/prisma/enums'
import { log } from '@/lib/log'
import { KEEP_TRANSACTION, keepFailedAttempt } from './health/keep-health'
import { classifyFailure } from './retry-policy'

export type RateLimit = {
  acquire: (cost?: number, opts?: { beforeSlot?: () => Promise<unknown>; signal?: AbortSignal }) => Promise<unknown>
  penalize?: (ms: number) => Promise<unknown>
}

export type SyncCallContext = {
  merchantId: string
  taskId: string
  operation: SyncOperation
  reference: string | null
  sku: string | null
  attempt: number
  requests: RateLimit
  /** Before each write: throws when another run took over this run's claim (task-lease.ts). */
  confirmClaim?: () => Promise<void>
  /** Fired when the worker stops: a call still waiting for its slot gives up (throws its reason). */
  signal?: AbortSignal
  /** The run's clock (tests drive time through it); the attempt is stamped with it. */
  now?: () => Date
}

/** What Back Market said, small enough to keep: its JSON body, or the start of an HTML page. */
function bmErrorBody(err: BackMarketError): Prisma.InputJsonValue {
  const body = typeof err.body === 'string' ? err.body.slice(0, 2_000) : err.body
  return { kind: err.kind, status: err.status ?? null, code: err.bmCode ?? null, target: err.target ?? null, body: (body ?? null) as Prisma.InputJsonValue }
}

export async function recordAttempt(
  ctx: SyncCallContext,
  a: { method: string; path: string; request?: Prisma.InputJsonValue; outcome: SyncAttemptOutcome; httpStatus?: number | null; err?: BackMarketError; message?: string; durationMs: number; sku?: string | null },
): Promise<void> {
  const data: Prisma.SyncAttemptUncheckedCreateInput = {
    merchantId: ctx.merchantId,
    taskId: ctx.taskId,
    operation: ctx.operation,
    reference: ctx.reference,
    sku: a.sku ?? ctx.sku,
    attempt: ctx.attempt,
    method: a.method,
    path: a.path,
    requestSummary: a.request,
    httpStatus: a.httpStatus ?? a.err?.status ?? null,
    outcome: a.outcome,
    errorKind: a.err?.kind ?? null,
    bmError: a.err ? bmErrorBody(a.err) : undefined,
    message: a.message ?? (a.err ? classifyFailure(a.err, ctx.operation).message : null),
    durationMs: a.durationMs,
    createdAt: ctx.now?.() ?? new Date(),
  }
  if (a.outcome !== 'TRANSIENT_FAILURE' && a.outcome !== 'PERMANENT_FAILURE') {
    await db.syncAttempt.create({ data, select: { id: true } })
    return
  }
  await db.$transaction(async (tx) => {
    const attempt = await tx.syncAttempt.create({ data, select: { id: true, merchantId: true, operation: true, createdAt: true } })
    await keepFailedAttempt(tx, attempt)
  }, KEEP_TRANSACTION)
}

/**
 * One rate-limited, recorded call. Reads are recorded only when they fail (a read-back that
 * succeeds is summarised by the write it guards); writes always are.
 */
export async function syncCall<T>(
  ctx: SyncCallContext,
  call: { method: 'GET' | 'POST'; path: string; request?: Prisma.InputJsonValue; sku?: string | null; cost?: number },
  fn: () => Promise<T>,
): Promise<T> {
  // Before a write the claim is confirmed after the wait for a slot, which can be long (the claim
  // may have been lost meanwhile), but in the limiter's lead before the slot: a round trip between
  // the slot and the send would push the send late, among the next ones. A limiter without that
  // hook leaves it to after the wait.
  const confirmClaim = call.method === 'POST' ? ctx.confirmClaim : undefined
  let confirmed = false
  const beforeSlot = confirmClaim
    ? async () => {
        await confirmClaim()
        confirmed = true
      }
    : undefined
  await ctx.requests.acquire(call.cost ?? 1, { beforeSlot, signal: ctx.signal })
  if (beforeSlot && !confirmed) await beforeSlot()
  const started = performance.now()
  try {
    const result = await fn()
    if (call.method === 'POST') {
      await recordAttempt(ctx, { ...call, outcome: 'SUCCESS', httpStatus: 200, durationMs: Math.round(performance.now() - started) })
    }
    return result
  } catch (err) {
    if (err instanceof BackMarketError) {
      // Back Market says we are over its limit (another integration may share the token):
      // every worker of this merchant backs off together. First, so that a database failure
      // while recording cannot skip it.
      if (err.kind === 'rate_limited') await ctx.requests.penalize?.(Math.max(err.retryAfterMs ?? 0, 10_000))
      const failure = classifyFailure(err, ctx.operation)
      try {
        await recordAttempt(ctx, {
          ...call,
          outcome: failure.transient ? 'TRANSIENT_FAILURE' : 'PERMANENT_FAILURE',
          err,
          durationMs: Math.round(performance.now() - started),
        })
      } catch (recordErr) {
        // The run must fail with Back Market's answer (its retry policy reads it), not with ours.
        log.error({ err: recordErr, taskId: ctx.taskId, bmKind: err.kind }, 'failed sync call could not be recorded')
      }
    }
    throw err
  }
}
