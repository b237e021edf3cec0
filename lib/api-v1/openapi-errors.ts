// The error answers every /api/v1 operation may give, described from the one error model
// (lib/errors.ts): each status's body names exactly the codes that status carries, so a client
// (and our contract test) can rely on `error.code` matching the status.
import { z } from 'zod'
import type { ZodOpenApiResponseObject } from 'zod-openapi'
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors'
import type { V1Operation } from './operation'

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid: `error.fields` names each offending field (path, query, body or header).',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The key lacks the scope this operation needs (the message names it).',
  404: 'Not found — or not this key\'s merchant\'s: another merchant\'s data answers exactly like missing data.',
  409: 'Conflict with an earlier request or the current state (an Idempotency-Key reused with another body or still running, a write that cannot apply now): the message says which.',
  413: 'The body is larger than this operation accepts.',
  415: 'The body must be JSON (`Content-Type: application/json`).',
  422: 'The request is well formed but cannot be applied (the message says why).',
  429: 'The key is over its request budget: wait `Retry-After` seconds.',
  500: 'Something went wrong on our side; nothing more is said.',
}

function codesOf(status: number): [ErrorCode, ...ErrorCode[]] {
  const codes = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((code) => ERROR_STATUS[code] === status)
  if (codes.length === 0) throw new Error(`no error code answers with ${status}`)
  return codes as [ErrorCode, ...ErrorCode[]]
}

function buildErrorSchema(status: number) {
  return z
    .object({
      error: z.object({
        code: z.enum(codesOf(status)),
        message: z.string().meta({ description: 'A sentence for a person; not meant to be parsed.' }),
        fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Field → what is wrong with it.' }),
        details: z.unknown().optional(),
      }),
    })
    .meta({ id: `Error${status}` })
}

const RETRY_AFTER = z.string().regex(/^[0-9]+$/).meta({ description: 'Seconds to wait before the next request.' })

// Built once: a schema with an `id` becomes one shared component, and two schemas under one id
// would be refused by the generator.
const ERROR_SCHEMAS = new Map(Object.keys(ERROR_DESCRIPTIONS).map((status) => [Number(status), buildErrorSchema(Number(status))]))

/** The error body of a status, for an operation that documents its own answer with it (a 409 with details). */
export function errorBodySchema(status: number) {
  const schema = ERROR_SCHEMAS.get(status)
  if (!schema) throw new Error(`no error body is documented for ${status}`)
  return schema
}

function errorResponse(status: number): ZodOpenApiResponseObject {
  return {
    description: ERROR_DESCRIPTIONS[status]!,
    content: { 'application/json': { schema: ERROR_SCHEMAS.get(status)! } },
    ...(status === 429 ? { headers: z.object({ 'Retry-After': RETRY_AFTER }) } : {}),
  }
}

/**
 * The error statuses an operation can answer with, from what the route wrapper does for it:
 * every call is authenticated, scope-checked, rate-limited and parsed; a path parameter can name
 * nothing; a body can be too large, not JSON, not applicable or clash with an earlier write; an
 * Idempotency-Key can clash.
 */
export function errorStatusesOf(op: Pick<V1Operation, 'method' | 'params' | 'body' | 'idempotent'>): number[] {
  return [
    400,
    401,
    403,
    ...(op.params ? [404] : []),
    // A write may clash with an earlier one (the Idempotency-Key, or the state it meets).
    ...(op.idempotent || op.body ? [409] : []),
    // Every write refuses a body that is too large or not JSON, even one that takes none (lib/api-v1/route.ts).
    ...(op.body || op.method !== 'GET' ? [413, 415] : []),
    ...(op.body ? [422] : []),
    429,
    500,
  ]
}

const ERROR_RESPONSES = new Map(Object.keys(ERROR_DESCRIPTIONS).map((status) => [Number(status), errorResponse(Number(status))]))

export function errorResponses(op: Pick<V1Operation, 'method' | 'params' | 'body' | 'idempotent'>): Record<string, ZodOpenApiResponseObject> {
  return Object.fromEntries(errorStatusesOf(op).map((status) => [String(status), ERROR_RESPONSES.get(status)!]))
}
