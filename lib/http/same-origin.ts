// The cross-site request rule (CSRF) every mutation passes through, in handle(); the policy and
// its reasons are in docs/decisions/0005-csrf-and-json-only.md. Pure: headers in, verdict out.
//
// A browser sends `Origin` on every POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site` on every request;
// a page of another site can forge neither, nor the `Host` / `X-Forwarded-Host` its request
// carries. So a mutation is ours when its Origin is the origin the request was addressed to, or,
// with no Origin, when Sec-Fetch-Site says `same-origin`. With neither, it is not a browser's
// request we can vouch for: refused (non-browser clients of a later public API use API keys).

export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export type SameOriginVerdict = { ok: true } | { ok: false; reason: string }

/**
 * The origins a request was addressed to. The scheme is the URL's: Next builds it from the TLS
 * socket or X-Forwarded-Proto. The host is NOT the URL's: Next puts the host it listens on there
 * (`localhost` under `next dev` whatever the browser typed), so the browser's own `Host`, or the
 * proxy's `X-Forwarded-Host` (first hop) in front of it, says which site the page was on. Only a
 * request with no Host at all (built in-process, as tests do; HTTP/1.1 requires one) falls back
 * on the URL's host.
 */
export function requestOrigins(url: string, headers: Headers): string[] {
  const { protocol, host: urlHost } = new URL(url)
  const host = headers.get('host')?.trim()
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const hosts = (host ? [forwardedHost, host] : [forwardedHost, urlHost]).filter((h): h is string => !!h)
  return [...new Set(hosts.map((h) => originOf(`${protocol}//${h}`)).filter((o): o is string => o !== null))]
}

export function checkSameOrigin(req: { url: string; headers: Headers }): SameOriginVerdict {
  const origin = req.headers.get('origin')
  if (origin !== null) {
    // `null` is what a sandboxed frame, a file: page or a cross-site redirect sends.
    if (origin === 'null') return { ok: false, reason: 'Origin is null: the page that sent it cannot be vouched for' }
    const normalized = originOf(origin)
    if (normalized !== null && requestOrigins(req.url, req.headers).includes(normalized)) return { ok: true }
    return { ok: false, reason: `Origin ${truncate(origin)} is not this site` }
  }
  const site = req.headers.get('sec-fetch-site')
  if (site === 'same-origin') return { ok: true }
  if (site !== null) return { ok: false, reason: `Sec-Fetch-Site is ${truncate(site)}, not same-origin` }
  return { ok: false, reason: 'Neither Origin nor Sec-Fetch-Site says this site sent the request' }
}

/** Scheme, lower-cased host and non-default port, as browsers serialise an origin; null if unparsable. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value)
    // A URL with a path, credentials or query is not an origin (and no browser sends one).
    if (url.origin === 'null' || url.pathname !== '/' || url.search || url.username || url.password) return null
    return url.origin
  } catch {
    return null
  }
}

// The Origin is the caller's text: echoed only in a JSON answer, and never at length.
function truncate(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value
}
