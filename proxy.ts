// Next's request proxy (formerly middleware): the session cookie fast path, see lib/auth/session-proxy.ts.
export { sessionProxy as proxy } from '@/lib/auth/session-proxy'

export const config = {
  // Everything but Next's static assets and files with an extension (favicon, images).
  matcher: ['/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)'],
}
