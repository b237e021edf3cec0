// What applying one event came to, as stored on its row (state + outcome code, English text,
// params) and shown by GET /api/v1/warehouse/events/{id}.
import type { WarehouseEventState } from '@/lib/generated/prisma/enums'
import { AppError } from '@/lib/errors'

export type Outcome = {
  state: Exclude<WarehouseEventState, 'PENDING'>
  code: string
  message: string
  params?: Record<string, unknown>
}

export const applied = (code: string, message: string, params?: Record<string, unknown>): Outcome => ({ state: 'APPLIED', code, message, params })

/** Already true or overtaken (picking reported after the parcel left; an older count): nothing to do. */
export const stale = (message: string, params?: Record<string, unknown>): Outcome => ({ state: 'APPLIED', code: 'stale', message, params })

export const refused = (code: string, message: string, params?: Record<string, unknown>): Outcome => ({ state: 'REFUSED', code, message, params })

export const parked = (reference: string): Outcome => ({
  state: 'PARKED',
  code: 'order_not_imported',
  message: `Order ${reference} is not imported yet: the event is applied when the import brings it.`,
  params: { reference },
})

/**
 * An operation's expected refusal (a status guard, a rule) as the event's outcome: the rule it
 * names when it names one (details.rule), else its error code.
 */
export function refusedBy(err: AppError): Outcome {
  const details = { ...detailsOf(err) }
  delete details.retryable
  const rule = typeof details.rule === 'string' ? details.rule : err.code
  return refused(rule, err.userMessage, { ...details, ...(err.fields ? { fields: err.fields } : {}) })
}

/**
 * A refusal that may not hold for long (details.retryable): stock not there YET because an earlier
 * movement is still on its way; Back Market still checking a payment. The processor retries it
 * with backoff, the subject's later events waiting behind it, and records the refusal only after
 * its last attempt.
 */
export function isRetryableRefusal(err: unknown): err is AppError {
  return err instanceof AppError && detailsOf(err)?.retryable === true
}

function detailsOf(err: AppError): Record<string, unknown> | undefined {
  return typeof err.details === 'object' && err.details !== null ? (err.details as Record<string, unknown>) : undefined
}

/**
 * A compare-and-set lost to a concurrent writer (a tab, the import): nothing is wrong with the
 * event, it runs again on fresh data.
 */
export function isLostRace(err: unknown): boolean {
  if (!(err instanceof AppError) || err.code !== 'conflict') return false
  return typeof err.details === 'object' && err.details !== null && 'expectedVersion' in err.details
}
