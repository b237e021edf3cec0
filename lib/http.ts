// Route-handler helpers: parse input with zod, map errors to responses. A thrown non-AppError
// is a bug: it is logged with its cause and answered with a generic 500 that leaks nothing.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError, errorBody, fromZodError } from '@/lib/errors'
import { log } from '@/lib/log'

export function toErrorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    if (err.status >= 500) log.error({ err, cause: err.cause }, err.message)
    return NextResponse.json(errorBody(err), { status: err.status })
  }
  log.error({ err }, 'unhandled error in route handler')
  return NextResponse.json(errorBody(new AppError('internal')), { status: 500 })
}

export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  let raw: unknown
  try {
    raw = await req.json()
  } catch {
    throw new AppError('bad_request', { userMessage: 'Invalid body: expected JSON', fields: { body: ['expected JSON'] } })
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  return parsed.data
}

export function parseSearchParams<T extends z.ZodType>(url: string | URL, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(url).searchParams)
  const parsed = schema.safeParse(params)
  if (!parsed.success) throw fromZodError(parsed.error, 'query')
  return parsed.data
}

/** Wraps a route handler so that every failure goes through toErrorResponse. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args)
    } catch (err) {
      return toErrorResponse(err)
    }
  }
}
