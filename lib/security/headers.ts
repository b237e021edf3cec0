// The security headers of every answer, as data. proxy.ts applies them to pages and API routes
// (with a fresh nonce per page request); next.config.js applies the static ones to the files the
// proxy never sees (Next's bundles, the icon), from fixed-headers.js. The builders are pure;
// createNonce is the one random part.
import { headersWithPolicy, MINIMAL_CONTENT_SECURITY_POLICY } from './fixed-headers'

export { MINIMAL_CONTENT_SECURITY_POLICY } from './fixed-headers'

/** What an answer is: a page (HTML and its RSC payloads), an API route (JSON), or a static file. */
export type ResponseKind = 'page' | 'api' | 'static'

export type SecurityHeaderOptions = {
  kind: ResponseKind
  /** Per-request nonce; required for pages (Next reads it back from the request's CSP). */
  nonce?: string
  /** `next dev`: React's dev tooling evaluates code (server error stacks) and injects styles. */
  dev?: boolean
  /** Served over HTTPS (directly or behind a TLS-terminating proxy): adds HSTS. */
  https?: boolean
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/

/**
 * The page policy. Scripts run only with this request's nonce; 'strict-dynamic' lets those
 * scripts load Next's chunks (client navigation, lazy components) without listing them.
 * 'self' beside it is ignored by CSP3 browsers and only a fallback for older ones.
 */
export function pageContentSecurityPolicy({ nonce, dev = false, https = false }: { nonce: string; dev?: boolean; https?: boolean }): string {
  if (!NONCE.test(nonce)) throw new Error('a CSP nonce must be base64 of at least 12 random bytes')
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Production styles are Tailwind's stylesheet (a file) and Next's nonce'd tags. The dev
    // server's error overlay and hot reloading inject <style> tags without a nonce, and a nonce in
    // the list would make browsers ignore 'unsafe-inline': so dev gets 'unsafe-inline' alone.
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    // 'self' covers the dev server's hot-reload WebSocket on the same host and port.
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'none'"],
    ...(https ? ([['upgrade-insecure-requests']] as [string][]) : []),
  ]
  return directives.map((d) => d.join(' ')).join('; ')
}

/** A policy as directive → sources, the way a browser reads it (for checks and tests). */
export function parseContentSecurityPolicy(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]))
}

/** Every security header of one answer, by name. */
export function securityHeaders({ kind, nonce, dev = false, https = false }: SecurityHeaderOptions): Record<string, string> {
  let csp = MINIMAL_CONTENT_SECURITY_POLICY
  if (kind === 'page') {
    if (!nonce) throw new Error('a page needs a nonce for its Content-Security-Policy')
    csp = pageContentSecurityPolicy({ nonce, dev, https })
  }
  return headersWithPolicy(csp, https)
}

/**
 * Whether the browser reached us over HTTPS: the request's own scheme, or the first hop's as a
 * TLS-terminating proxy reports it. A forged header over plain HTTP only adds HSTS, which
 * browsers ignore on an insecure connection.
 */
export function servedOverHttps(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === 'https:') return true
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https'
}

/** 16 random bytes, base64: unguessable and fresh for each request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}
