// The one wrapper of every /api/v1 route handler. In order: the API key (401), its scope (403),
// its rate limit (429), the body's media type and size (415, 413), params, query and body parsed
// with the operation's own schemas (400 naming the field), the Idempotency-Key replay for
// idempotent writes, then the handler; every failure goes through toErrorResponse. A session
// cookie is never read here, so the same-origin rule of the dashboard's mutations does not apply:
// a page of another site cannot send an Authorization header without a CORS preflight, which we
// never grant (docs/decisions/0009-api-keys.md, 0005-csrf-and-json-only.md).
import 'server-only'
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { claimIdempotencyKey, completeIdempotencyKey, readIdempotencyKey, releaseIdempotencyKey, requestHash, type StoredAnswer } from '@/lib/api-v1/idempotency'
import type { V1Operation } from '@/lib/api-v1/operation'
import { requestOrigin } from '@/lib/auth/request-origin'
import { toPrincipal, type V1Principal } from '@/lib/api-v1/principal'
import { apiRateLimiter } from '@/lib/api-v1/rate-limit'
import { AppError, fromZodError } from '@/lib/errors'
import { toErrorResponse } from '@/lib/http'
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/input/control-characters'
import { log } from '@/lib/log'
import { announcesBody, declaredLengthTooLarge, isJsonContentType, MAX_JSON_BODY_BYTES, payloadTooLarge, readCappedText, unsupportedMediaType } from '@/lib/http/json-body'

export type { V1Principal } from '@/lib/api-v1/principal'

type InferOr<S> = S extends z.ZodType ? z.output<S> : undefined

export type V1Context<O extends V1Operation> = {
  principal: V1Principal
  params: InferOr<O['params']>
  query: InferOr<O['query']>
  body: InferOr<O['body']>
  request: Request
}

export type V1Answer = { status: number; body: unknown; headers?: Record<string, string> }

/** A route handler that also says which operation it serves (the route-listing tests read its scope and cap). */
export type V1Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { readonly operation: V1Operation }

function parseWith(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw fromZodError(parsed.error, where)
  return parsed.data
}

/**
 * No path segment of ours holds a control character (references, ids, SKUs), and PostgreSQL
 * cannot even compare text with a NUL: refused before any operation's schema, naming the segment.
 */
function refuseControlCharacters(params: Record<string, string>): Record<string, string> {
  const bad = Object.keys(params).filter((name) => hasControlCharacters(params[name] ?? ''))
  if (bad.length) throw new AppError('bad_request', { userMessage: `Invalid params: ${bad.join(', ')}`, fields: Object.fromEntries(bad.map((name) => [name, [CONTROL_CHARACTERS_MESSAGE]])) })
  return params
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('bad_request', { userMessage: 'Invalid body: expected JSON', fields: { body: ['expected JSON'] } })
  }
}

/**
 * The body's text when the operation takes one (JSON only, within the operation's cap), else ''.
 * A write without a body schema still refuses an announced body that is too large or not JSON, as
 * the dashboard's mutations do; a JSON one is ignored.
 */
async function readBodyText(req: Request, op: V1Operation): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') return ''
  const cap = op.maxBodyBytes ?? MAX_JSON_BODY_BYTES
  const contentType = req.headers.get('content-type')
  if (declaredLengthTooLarge(req.headers, cap)) throw payloadTooLarge(cap)
  if (op.body) {
    if (!isJsonContentType(contentType)) throw unsupportedMediaType(contentType)
    return readCappedText(req, cap)
  }
  if (announcesBody(req.headers) && !isJsonContentType(contentType)) throw unsupportedMediaType(contentType)
  return ''
}

function toResponse(answer: StoredAnswer, extra: Record<string, string> = {}): Response {
  const headers = { ...answer.headers, ...extra }
  if (answer.body === undefined || answer.status === 204) return new Response(null, { status: answer.status, headers })
  return NextResponse.json(answer.body, { status: answer.status, headers })
}

export function v1Route<O extends V1Operation>(op: O, handler: (ctx: V1Context<O>) => Promise<V1Answer>): V1Handler {
  const route = async (request: Request, routeCtx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    let claimed: string | null = null
    let handled = false
    try {
      const principal = toPrincipal(await authenticateApiKey(request.headers.get('authorization')), requestOrigin(request.headers))
      if (!principal.scopes.includes(op.scope)) {
        throw new AppError('forbidden', {
          userMessage: `This API key does not have the scope ${op.scope}, which ${op.method} /api/v1${op.path} needs.`,
          fields: { authorization: [`needs scope ${op.scope}`] },
        })
      }
      await apiRateLimiter().consume(principal)
      const text = await readBodyText(request, op)
      // next start gives a route with no dynamic segment no params at all (route-static-context.test.ts).
      const params = parseWith(op.params, refuseControlCharacters((await routeCtx?.params) ?? {}), 'params')
      // The URL is parsed only for an operation that takes a query (not the ingest's every batch).
      const query = op.query ? parseWith(op.query, Object.fromEntries(new URL(request.url).searchParams), 'query') : undefined
      const body = op.body ? parseWith(op.body, parseJsonText(text), 'body') : undefined
      const idempotencyKey = op.idempotent ? readIdempotencyKey(request.headers) : null
      if (idempotencyKey !== null) {
        const claim = await claimIdempotencyKey({ apiKeyId: principal.keyId, key: idempotencyKey, requestHash: requestHash(request.method, request.url, text) })
        if (claim.kind === 'replay') return toResponse(claim.answer, { 'idempotent-replayed': 'true' })
        claimed = claim.id
      }
      const answer = await handler({ principal, params, query, body, request } as V1Context<O>)
      handled = true
      if (claimed !== null) await completeIdempotencyKey(claimed, answer)
      return toResponse(answer)
    } catch (err) {
      // Only a failed handler changed nothing and releases its key. Once the handler has succeeded
      // (storing or sending its answer failed), the work is done: the key stays claimed, and a
      // retry after the lease runs the (idempotent) operation again rather than at once.
      // Released or not, the error below is the answer; a key left claimed delays a retry by the lease.
      if (claimed !== null && !handled) await releaseIdempotencyKey(claimed).catch((e: unknown) => log.warn({ err: e }, 'idempotency key not released'))
      const res = toErrorResponse(err)
      // RFC 6750 §3: a 401 says which scheme to authenticate with.
      if (res.status === 401) res.headers.set('www-authenticate', 'Bearer realm="api/v1"')
      return res
    }
  }
  return Object.assign(route, { operation: op })
}
