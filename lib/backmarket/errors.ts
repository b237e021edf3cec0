// Everything that can go wrong talking to Back Market, as one error class whose `kind` drives the
// retry policy and the merchant-facing message, and which keeps the status and the body as
// received so an issue can be investigated (and shown: "The listing doesn't exist").
import { parseRetryAfter } from './retry-after'
import { storableJson } from './storable-text'
import { bmErrorResponseV1Schema, bmErrorResponseV2Schema, bmProblemSchema } from './schemas'

export type BackMarketErrorKind =
  | 'not_found'
  | 'invalid_transition'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad_response'

export type BackMarketErrorInit = {
  status?: number
  /** Parsed JSON when the body was JSON, else the text (e.g. Cloudflare HTML), null when empty. */
  body?: unknown
  bmCode?: string
  target?: string
  data?: Record<string, unknown>
  retryAfterMs?: number
  requestId?: string
  /** True when the body is an HTML page (Cloudflare WAF / rate limiting / edge 5xx). */
  html?: boolean
  method?: string
  path?: string
  cause?: unknown
}

export class BackMarketError extends Error {
  readonly kind: BackMarketErrorKind
  readonly status?: number
  readonly body: unknown
  readonly bmCode?: string
  readonly target?: string
  readonly data?: Record<string, unknown>
  readonly retryAfterMs?: number
  readonly requestId?: string
  readonly html: boolean
  /** The call that failed, e.g. POST /ws/orders/40123456 (set by the client). */
  method?: string
  path?: string

  constructor(kind: BackMarketErrorKind, message: string, init: BackMarketErrorInit = {}) {
    super(message, { cause: init.cause })
    this.name = 'BackMarketError'
    this.kind = kind
    this.status = init.status
    this.body = init.body ?? null
    this.bmCode = init.bmCode
    this.target = init.target
    this.data = init.data
    this.retryAfterMs = init.retryAfterMs
    this.requestId = init.requestId
    this.html = init.html ?? false
    this.method = init.method
    this.path = init.path
  }
}

export type HeadersLike = Headers | Record<string, string | string[] | undefined>

function header(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  const v = key === undefined ? undefined : headers[key]
  return Array.isArray(v) ? v[0] : v
}

export function isHtmlBody(body: unknown, contentType?: string): boolean {
  if (contentType?.toLowerCase().includes('text/html')) return true
  return typeof body === 'string' && /^\s*<(?:!doctype\s+html|html)[\s>]/i.test(body)
}

type Extracted = { message?: string; bmCode?: string; target?: string; data?: Record<string, unknown>; requestId?: string }

// The orders endpoints document no error body at all, listings use ErrorResponseV1, the WAF uses
// V2, Backship uses RFC 7807 and a listing-update 400 is a bare JSON string: try each.
function extract(body: unknown): Extracted {
  const v1 = bmErrorResponseV1Schema.safeParse(body)
  if (v1.success) {
    const { error: e, requestId } = v1.data
    return { message: e.message, bmCode: e.code, target: e.target, data: e.data, requestId }
  }
  const v2 = bmErrorResponseV2Schema.safeParse(body)
  if (v2.success) {
    const [e] = v2.data.errors
    return { message: e?.message, bmCode: e?.code, target: e?.target, data: e?.data, requestId: v2.data.requestId }
  }
  const problem = bmProblemSchema.safeParse(body)
  if (problem.success) return { message: problem.data.detail ?? problem.data.title, bmCode: problem.data.type }
  if (typeof body === 'string' && body.trim() !== '' && !isHtmlBody(body)) return { message: body.trim().slice(0, 500) }
  return {}
}

function kindFor(status: number, bmCode: string | undefined): BackMarketErrorKind {
  if (status === 400) return bmCode === 'invalid-state-transition' ? 'invalid_transition' : 'validation'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 500 && status <= 599) return 'server'
  // 405, 409, 413, 422…: the request itself is wrong, so sending it again will not help.
  if (status >= 400 && status <= 499) return 'validation'
  // 1xx/3xx reaching us means redirects were followed and still ended off the API.
  return 'bad_response'
}

function fallbackMessage(kind: BackMarketErrorKind, status: number, html: boolean, cfRay?: string): string {
  const edge = html ? ` (HTML page${cfRay ? `, cf-ray ${cfRay}` : ''}: Cloudflare)` : ''
  switch (kind) {
    case 'unauthorized':
      return `Back Market rejected the token (HTTP ${status})${edge}`
    case 'forbidden':
      return `Back Market refused the request (HTTP ${status})${edge}`
    case 'rate_limited':
      return `Back Market rate limit reached (HTTP ${status})${edge}`
    case 'not_found':
      return `Not found on Back Market (HTTP ${status})`
    case 'server':
      return `Back Market server error (HTTP ${status})${edge}`
    default:
      return `Back Market answered HTTP ${status}${edge}`
  }
}

/**
 * Classifies a non-2xx response. Pure: `now` is only used to turn an HTTP-date Retry-After into a
 * delay. The message is Back Market's own when it sent one.
 */
export function classifyResponse(status: number, received: unknown, headers: HeadersLike, now: number = Date.now()): BackMarketError {
  const body = storableJson(received)
  const html = isHtmlBody(body, header(headers, 'content-type'))
  const ex = extract(body)
  const kind = kindFor(status, ex.bmCode)
  const cfRay = header(headers, 'cf-ray')
  return new BackMarketError(kind, ex.message || fallbackMessage(kind, status, html, cfRay), {
    status,
    body,
    bmCode: ex.bmCode,
    target: ex.target,
    data: ex.data,
    retryAfterMs: parseRetryAfter(header(headers, 'retry-after'), now),
    // cf-ray is what BM support asks for when Cloudflare blocked a call.
    requestId: ex.requestId ?? header(headers, 'x-request-id') ?? cfRay,
    html,
  })
}

/**
 * Whether trying the same call again later may succeed. Note for writes: a timeout or network
 * error may hide a request BM did apply, and BM has no idempotency key, so re-read the order
 * before re-sending a transition (docs/backmarket.md §1.9).
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof BackMarketError)) return false
  return err.kind === 'server' || err.kind === 'rate_limited' || err.kind === 'timeout' || err.kind === 'network'
}
