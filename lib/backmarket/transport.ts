// One HTTP exchange with Back Market: headers, timeout, body parsing, error classification,
// response validation and the onRequest report. The client's methods only say what to call.
import type { z } from 'zod'
import { BackMarketError, classifyResponse, isHtmlBody } from './errors'

/** Reported once per HTTP call, success or not, so the caller can record every call it makes. */
export type BackMarketRequestEvent = {
  /** The client method, e.g. `shipOrder`: what the call was for. */
  operation: string
  method: 'GET' | 'POST'
  /** Path and query, without the host: `/ws/orders?state=1&page-size=50`. */
  path: string
  /** Absent when no response came back (timeout, network). */
  status?: number
  durationMs: number
  startedAt: Date
  ok: boolean
  error?: BackMarketError
}

export type OnBackMarketRequest = (event: BackMarketRequestEvent) => void | Promise<void>

export type TransportConfig = {
  baseUrl: URL
  headers: Record<string, string>
  timeoutMs: number
  fetch: typeof globalThis.fetch
  onRequest?: OnBackMarketRequest
  beforeRequest?: BeforeBackMarketRequest
}

/**
 * Awaited before every HTTP call, e.g. to take a cell of a rate limit shared with other callers;
 * what it throws fails the call before anything is sent (and is not a BackMarketError).
 */
export type BeforeBackMarketRequest = (call: { operation: string; method: 'GET' | 'POST' }) => Promise<unknown>

export type RequestSpec<S extends z.ZodType> = {
  operation: string
  method: 'GET' | 'POST'
  /** `/ws/...` with its query, or an absolute URL (a page's `next`). */
  target: string
  body?: unknown
  schema: S
}

/**
 * Resolves `/ws/...` under the base URL (which may carry a path prefix, e.g. behind a proxy), or an
 * absolute URL on the base URL's origin: the token must never follow a `next` link to another
 * host, and an API behind a TLS-terminating proxy may well advertise `http://` links.
 */
export function resolveUrl(baseUrl: URL, target: string): URL {
  if (target.startsWith('/')) return new URL(`${baseUrl.pathname.replace(/\/+$/, '')}${target}`, baseUrl.origin)
  const url = new URL(target, baseUrl)
  if (url.origin === baseUrl.origin) return url
  return new URL(`${url.pathname}${url.search}`, baseUrl.origin)
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return null
  if (isHtmlBody(text, contentType)) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function transportError(err: unknown, timeoutMs: number): BackMarketError {
  const name = err instanceof Error ? err.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BackMarketError('timeout', `Back Market did not answer within ${timeoutMs} ms`, { cause: err })
  }
  // undici reports "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND…) in cause.
  const cause = err instanceof Error ? err.cause : undefined
  const detail = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(err)
  return new BackMarketError('network', `Could not reach Back Market: ${detail}`, { cause: err })
}

function report(hook: OnBackMarketRequest | undefined, event: BackMarketRequestEvent): void {
  if (!hook) return
  // A failure to record a call must not turn a write Back Market applied into an error the
  // caller would retry, so the hook's own failures are dropped here.
  try {
    const pending = hook(event)
    if (pending) pending.catch(() => {})
  } catch {
    // see above
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
}

export async function request<S extends z.ZodType>(cfg: TransportConfig, spec: RequestSpec<S>): Promise<z.output<S>> {
  const url = resolveUrl(cfg.baseUrl, spec.target)
  const path = `${url.pathname}${url.search}`
  await cfg.beforeRequest?.({ operation: spec.operation, method: spec.method })
  const startedAt = new Date()
  const t0 = performance.now()
  let status: number | undefined
  // Serialised up front: an unserialisable body is our bug, not a network failure.
  const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body)

  const exchange = async (): Promise<z.output<S>> => {
    let res: Response
    let text: string
    try {
      res = await cfg.fetch(url, {
        method: spec.method,
        headers: cfg.headers,
        body: payload,
        // Covers reading the body too: a server that sends headers then stalls still times out.
        signal: AbortSignal.timeout(cfg.timeoutMs),
      })
      status = res.status
      text = await res.text()
    } catch (err) {
      throw transportError(err, cfg.timeoutMs)
    }
    const contentType = res.headers.get('content-type') ?? undefined
    const body = parseBody(text, contentType)
    if (res.status < 200 || res.status > 299) throw classifyResponse(res.status, body, res.headers)
    const parsed = spec.schema.safeParse(body)
    if (!parsed.success) {
      throw new BackMarketError('bad_response', `Unexpected response from Back Market: ${describeIssues(parsed.error)}`, {
        status: res.status,
        body,
        html: isHtmlBody(body, contentType),
        cause: parsed.error,
      })
    }
    return parsed.data
  }

  const event = (error?: BackMarketError): BackMarketRequestEvent => ({
    operation: spec.operation,
    method: spec.method,
    path,
    status,
    durationMs: Math.round((performance.now() - t0) * 10) / 10,
    startedAt,
    ok: !error,
    error,
  })
  try {
    const value = await exchange()
    report(cfg.onRequest, event())
    return value
  } catch (err) {
    if (!(err instanceof BackMarketError)) throw err
    const error = err
    error.method = spec.method
    error.path = path
    report(cfg.onRequest, event(error))
    throw error
  }
}
