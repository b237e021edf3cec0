// Back Market failing is expected (timeouts, a revoked token, its rate limit): one mapping from its
// error to the facts the dashboard shows — the kind, the HTTP status, Back Market's own words —
// whether a live panel shows them beside our data or a route answers 502 with them.
import { BackMarketError } from '@/lib/backmarket/errors'
import { AppError } from '@/lib/errors'

/** What a panel is told when Back Market fails (a 502's `details`, or a live read's failure). */
export type BackMarketFailureDetails = { kind: string; status: number | null; message: string }

/** The facts of Back Market's failure; null for any other error (ours), which the caller rethrows. */
export function backMarketFailureOf(err: unknown): BackMarketFailureDetails | null {
  return err instanceof BackMarketError ? { kind: err.kind, status: err.status ?? null, message: err.message } : null
}

/** Back Market's failure as a 502 whose details say how (the cause kept for the log); any other error as it is. */
export function asBadGateway(err: unknown): unknown {
  const details = backMarketFailureOf(err)
  if (!details) return err
  return new AppError('bad_gateway', { message: `Back Market ${details.kind}: ${details.message}`, cause: err, details })
}
