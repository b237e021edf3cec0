// Next's request proxy (formerly middleware): the session cookie fast path (lib/auth/session-proxy.ts),
// then the security headers (lib/security/headers.ts) on whatever it answered, redirects included.
// A page gets a fresh nonce: it goes on the request's own Content-Security-Policy header, where
// Next reads it back while rendering and puts it on every script and style tag it emits.
import { NextResponse, type NextRequest } from 'next/server'
import { sessionProxy } from '@/lib/auth/session-proxy'
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/security/headers'

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const api = req.nextUrl.pathname.startsWith('/api/')
  const headers = securityHeaders({
    kind: api ? 'api' : 'page',
    nonce: api ? undefined : createNonce(),
    dev: process.env.NODE_ENV === 'development',
    https: servedOverHttps(req.nextUrl.protocol, req.headers.get('x-forwarded-proto')),
  })
  let res = await sessionProxy(req)
  // Only a pass-through renders the page (a redirect has no body to protect with a nonce).
  // The session answer's own headers (its sliding Set-Cookie) are carried over unchanged.
  if (!api && res.headers.get('x-middleware-next') === '1') {
    const request = new Headers(req.headers)
    request.set('content-security-policy', headers['Content-Security-Policy']!)
    res = NextResponse.next({ headers: res.headers, request: { headers: request } })
  }
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value)
  return res
}

export const config = {
  // Everything but Next's static assets and files with an extension (favicon, images): those get
  // the static headers from next.config.js.
  matcher: ['/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)'],
}
