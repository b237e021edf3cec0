// One error model. Expected failures carry a code from a closed table that fixes the HTTP
// status; what is logged (message, cause) is not what is shown (userMessage).
import { z } from 'zod'

// zod's English messages ("Unrecognized key: …") are registered only when full zod first builds a
// schema; zod/mini never registers them. Without this, a 400's field messages would depend on
// whether some full-zod schema happened to be built first in the process ("Invalid input" if not).
z.config(z.locales.en())

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A mutation sent by another site's page (CSRF): Origin / Sec-Fetch-Site do not say ours. */
  cross_site: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export type FieldErrors = Record<string, string[]>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly fields?: FieldErrors
  readonly details?: unknown

  constructor(
    code: ErrorCode,
    opts: { message?: string; userMessage?: string; cause?: unknown; fields?: FieldErrors; details?: unknown } = {},
  ) {
    super(opts.message ?? opts.userMessage ?? code, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.userMessage = opts.userMessage ?? defaultUserMessage(code)
    this.fields = opts.fields
    this.details = opts.details
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

function defaultUserMessage(code: ErrorCode): string {
  switch (code) {
    case 'bad_request':
      return 'The request is not valid.'
    case 'unauthorized':
      return 'Please sign in.'
    case 'forbidden':
      return 'You do not have access to this.'
    case 'cross_site':
      return 'This request must come from this site.'
    case 'not_found':
      return 'Not found.'
    case 'conflict':
      return 'Someone else changed this first.'
    case 'payload_too_large':
      return 'The body is too large.'
    case 'unsupported_media_type':
      return 'The body must be JSON (Content-Type: application/json).'
    case 'unprocessable':
      return 'The request could not be processed.'
    case 'rate_limited':
      return 'Too many requests; try again shortly.'
    case 'bad_gateway':
      return 'Back Market did not answer as expected.'
    case 'internal':
      return 'Something went wrong on our side.'
  }
}

/** Turns a zod failure into a 400 that names each offending field. */
// Any zod error, zod/mini's included (the schemas forms share with routes): only its issues are read.
export function fromZodError(error: z.core.$ZodError, where: 'body' | 'query' | 'params' = 'body'): AppError {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : where
    ;(fields[path] ??= []).push(issue.message)
  }
  const names = Object.keys(fields).join(', ')
  return new AppError('bad_request', { userMessage: `Invalid ${where}: ${names}`, fields })
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; details?: unknown } }

export function errorBody(err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.userMessage,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.details !== undefined ? { details: err.details } : {}),
    },
  }
}
