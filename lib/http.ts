// Route-handler helpers: parse input with zod, map errors to responses. A thrown non-AppError
// is a bug: it is logged with its cause and answered with a generic 500 that leaks nothing.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError, errorBody, fromZodError } from '@/lib/errors'
import { announcesBody, declaredLengthTooLarge, isJsonContentType, payloadTooLarge, readCappedText, unsupportedMediaType } from '@/lib/http/json-body'
import { checkSameOrigin, MUTATING_METHODS } from '@/lib/http/same-origin'
import { log } from '@/lib/log'

export function toErrorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    if (err.status >= 500) log.error({ err, cause: err.cause }, err.message)
    const wait = retryAfterSeconds(err)
    return NextResponse.json(errorBody(err), { status: err.status, headers: wait === null ? undefined : { 'retry-after': String(wait) } })
  }
  log.error({ err }, 'unhandled error in route handler')
  return NextResponse.json(errorBody(new AppError('internal')), { status: 500 })
}

/** A 429 says when to try again: from its details' retryAfterSeconds (or retryAfterMs), whole seconds. */
function retryAfterSeconds(err: AppError): number | null {
  if (err.code !== 'rate_limited') return null
  const details = (err.details ?? {}) as { retryAfterSeconds?: unknown; retryAfterMs?: unknown }
  if (typeof details.retryAfterSeconds === 'number') return details.retryAfterSeconds
  if (typeof details.retryAfterMs === 'number') return Math.max(1, Math.ceil(details.retryAfterMs / 1000))
  return null
}

// Any zod schema, zod/mini included (the forms' shared schemas are zod/mini: lib/input/plain-text-mini.ts).
export async function parseJsonBody<T extends z.core.$ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  // handle() already refused other media types for a body it saw announced; this also covers a
  // body sent with no Content-Type at all.
  const contentType = req.headers.get('content-type')
  if (!isJsonContentType(contentType)) throw unsupportedMediaType(contentType)
  const text = await readCappedText(req)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new AppError('bad_request', { userMessage: 'Invalid body: expected JSON', fields: { body: ['expected JSON'] } })
  }
  const parsed = z.safeParse(schema, raw)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  return parsed.data
}

export function parseSearchParams<T extends z.core.$ZodType>(url: string | URL, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(url).searchParams)
  const parsed = z.safeParse(schema, params)
  if (!parsed.success) throw fromZodError(parsed.error, 'query')
  return parsed.data
}

/**
 * The perimeter of every mutation, before the session or the input is looked at: sent by a page
 * of this site (403 cross_site otherwise), and a body, if any, JSON and small (415, 413).
 * docs/decisions/0005-csrf-and-json-only.md says why.
 */
export function guardMutation(req: Request): void {
  if (!MUTATING_METHODS.has(req.method.toUpperCase())) return
  const verdict = checkSameOrigin(req)
  if (!verdict.ok) {
    throw new AppError('cross_site', {
      message: `cross-site ${req.method} refused: ${verdict.reason}`,
      userMessage: `This request must come from this site: ${verdict.reason}.`,
      fields: { origin: [verdict.reason] },
    })
  }
  if (declaredLengthTooLarge(req.headers)) throw payloadTooLarge()
  const contentType = req.headers.get('content-type')
  if (announcesBody(req.headers) && !isJsonContentType(contentType)) throw unsupportedMediaType(contentType)
}

/**
 * Wraps a route handler: the mutation perimeter first (guardMutation), then the handler, every
 * failure going through toErrorResponse.
 */
export function handle<A extends [Request, ...unknown[]]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      guardMutation(args[0])
      return await fn(...args)
    } catch (err) {
      return toErrorResponse(err)
    }
  }
}
