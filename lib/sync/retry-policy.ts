// What a failed call to Back Market means and what happens next. Transient failures (5xx, 429,
// timeouts, network, an unreadable answer) are retried with exponential backoff and jitter,
// never sooner than Back Market's Retry-After, up to a budget; permanent ones (404, 400, 401/403)
// are never retried blindly: they become issues the merchant can act on. A failure that is not
// Back Market's answer ends too: our data refused by our own checks at once, anything else (the
// database, a bug) after the same bounded retries.
import { z } from 'zod'
import { isUserAgentRefusal } from '@/lib/backmarket/check-connection'
import { BackMarketError } from '@/lib/backmarket/errors'
import type { SyncIssueKind, SyncOperation } from '@/lib/generated/prisma/enums'
import { BACKMARKET_BLOCK_MS } from './backmarket-limits'
import { stockRefusedMessage } from './stock-refusal'
import { SyncDataError } from './sync-data-error'

/** Attempts in all, the first included. Past it, the task is dead-lettered (failed, listed). */
export const RETRY_BUDGET = 8
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_CAP_MS = 5 * 60_000
/** Back Market blocks for 10 s past its limit and documents no Retry-After: wait at least that. */
export const RATE_LIMIT_FLOOR_MS = BACKMARKET_BLOCK_MS

export const MESSAGES = {
  notFound:
    "We couldn't find a matching order_id and/or SKU on Backmarket. Please update your order manually on Backmarket.",
  statusError: 'Order status error. Please update your order on Backmarket manually.',
  unauthorized: 'Back Market refused our API token for your account (401). Generate a new token in Back Market (Options → Integrations) and update it here.',
  forbidden: 'Back Market refused access (403): the token may lack rights, the integration channel may be disabled, or Back Market’s firewall blocked the call.',
  connection: 'Back Market could not be reached or was overloaded. We retry automatically.',
  gaveUp: `Back Market could not be reached after ${RETRY_BUDGET} attempts; automatic retries stopped. Re-sync once Back Market answers again.`,
} as const

/** A message key under `failures` in messages/<lang>/connection.json and its parameters. */
export type FailureText = { code: string; params: Record<string, string | number> }

/** `text` is set for our own failures: the UI says them in the merchant's language. */
export type FailureClass = { transient: boolean; issueKind: SyncIssueKind; message: string; text?: FailureText }

/** Our sentence about a Back Market failure, with its message key (`failures.bm_*`) for the UI. */
const bmFailure = (transient: boolean, issueKind: SyncIssueKind, key: keyof typeof MESSAGES): FailureClass => ({
  transient,
  issueKind,
  message: MESSAGES[key],
  text: { code: BM_FAILURE_CODES[key], params: {} },
})

export const BM_FAILURE_CODES = {
  notFound: 'bm_not_found',
  statusError: 'bm_status_error',
  unauthorized: 'bm_unauthorized',
  forbidden: 'bm_forbidden',
  connection: 'bm_connection',
  gaveUp: 'bm_gave_up',
} as const satisfies Record<keyof typeof MESSAGES, string>

export function classifyFailure(err: BackMarketError, operation: SyncOperation): FailureClass {
  switch (err.kind) {
    case 'not_found':
      return bmFailure(false, 'NOT_FOUND', 'notFound')
    case 'invalid_transition':
      return bmFailure(false, 'STATUS_ERROR', 'statusError')
    case 'validation':
      // Back Market documents a bare 400 for a refused transition; on an order update any 400 is
      // most likely the status hierarchy (we validate our own payloads before sending).
      // Back Market's own words stay as it sent them (bmMessage), labelled as its answer.
      return operation === 'STOCK'
        ? { transient: false, issueKind: 'VALIDATION', message: stockRefusedMessage(err.message), text: { code: 'bm_stock_refused', params: { bmMessage: err.message } } }
        : bmFailure(false, 'STATUS_ERROR', 'statusError')
    case 'unauthorized':
      return bmFailure(false, 'CREDENTIALS', 'unauthorized')
    case 'forbidden':
      // The firewall (Cloudflare's HTML page, its JSON bot challenge, a refusal naming the
      // User-Agent) lets go after a while: worth retrying. Any other 403 is the account's.
      return isUserAgentRefusal(err) ? bmFailure(true, 'CONNECTION', 'forbidden') : bmFailure(false, 'CREDENTIALS', 'forbidden')
    case 'rate_limited':
    case 'server':
    case 'timeout':
    case 'network':
    case 'bad_response':
      return bmFailure(true, 'CONNECTION', 'connection')
  }
}

/** Delay before attempt `attempt + 1`, attempt counting from 1. "Equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, err: BackMarketError | undefined, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1))
  const jittered = exp / 2 + random() * (exp / 2)
  const floor = err?.kind === 'rate_limited' ? Math.max(err.retryAfterMs ?? 0, RATE_LIMIT_FLOOR_MS) : (err?.retryAfterMs ?? 0)
  return Math.round(Math.max(jittered, floor))
}

export type FailureDecision =
  | { action: 'retry'; at: Date; failure: FailureClass }
  | { action: 'fail'; dead: boolean; failure: FailureClass }

/** Our failure past the retry budget (also the sweeper's, for a task that never completes). */
export function internalGaveUp(attempts: number): FailureClass {
  return {
    transient: false,
    issueKind: 'INTERNAL',
    message: `An error on our side kept this update from completing after ${attempts} attempts; automatic retries stopped. Re-sync it; if it fails again, contact support.`,
    text: { code: 'internal_gave_up', params: { attempts } },
  }
}

const prismaCode = (err: unknown) => (err instanceof Error && err.name === 'PrismaClientKnownRequestError' ? (err as Error & { code?: string }).code : undefined)

/**
 * A failure that is not Back Market's answer. Permanent when our data cannot make the update (a
 * payload our schema refuses, a task without its order, a record gone, a query Prisma refuses):
 * retrying cannot help. Anything else — a database hiccup, a connection reset, a bug we cannot
 * tell apart from one — is retried like a 5xx, within the same budget, and then dead-lettered.
 */
export function classifyInternalFailure(err: unknown): FailureClass {
  if (err instanceof SyncDataError) return { transient: false, issueKind: 'INTERNAL', message: err.message, text: { code: err.code, params: err.params } }
  if (err instanceof z.ZodError) {
    const fields = [...new Set(err.issues.map((i) => i.path.join('.') || 'payload'))].join(', ')
    return {
      transient: false,
      issueKind: 'INTERNAL',
      message: `The data we hold for this update is invalid (${fields}): nothing was sent to Back Market. Correct it, then re-sync.`,
      text: { code: 'invalid_task_data', params: { fields } },
    }
  }
  if (prismaCode(err) === 'P2025' || (err instanceof Error && err.name === 'PrismaClientValidationError')) {
    return {
      transient: false,
      issueKind: 'INTERNAL',
      message: 'Something this update needs no longer exists on our side: nothing was sent to Back Market.',
      text: { code: 'missing_record', params: {} },
    }
  }
  return {
    transient: true,
    issueKind: 'INTERNAL',
    message: 'An error on our side interrupted this update (not an answer of Back Market). We retry automatically.',
    text: { code: 'internal_retrying', params: {} },
  }
}

/** What follows any failure of a run: Back Market's answers by their kind, ours as above. */
export function decideAfterFailure(opts: {
  attempt: number
  err: unknown
  operation: SyncOperation
  now: Date
  random?: () => number
}): FailureDecision {
  const bm = opts.err instanceof BackMarketError ? opts.err : undefined
  const failure = bm ? classifyFailure(bm, opts.operation) : classifyInternalFailure(opts.err)
  if (!failure.transient) return { action: 'fail', dead: false, failure }
  if (opts.attempt >= RETRY_BUDGET) return { action: 'fail', dead: true, failure: bm ? { ...failure, message: MESSAGES.gaveUp, text: { code: BM_FAILURE_CODES.gaveUp, params: { attempts: opts.attempt } } } : internalGaveUp(opts.attempt) }
  return { action: 'retry', at: new Date(opts.now.getTime() + backoffMs(opts.attempt, bm, opts.random)), failure }
}
