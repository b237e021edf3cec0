// What proxy.ts does on every request. Fast path only, no database: pages without a session
// cookie are redirected to /login before rendering (the real check is requireUser /
// requireApiUser, server-side). With a cookie, its lifetime is pushed back to the idle lifetime
// (7 days) on each visit: server components cannot set cookies, so this is where the cookie side
// of the idle lifetime happens. A cookie outliving its session (past the session's absolute end)
// is harmless; the server refuses it.
import { NextResponse, type NextRequest } from 'next/server'
import { sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'

const PUBLIC_PAGES = ['/login']
/** One-time links: opened by people who have no session yet (an invitation) or cannot sign in (a reset). */
const PUBLIC_PREFIXES = ['/invite/', '/reset-password/']

function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.includes(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))
}

export function sessionProxy(req: NextRequest): NextResponse {
  const { pathname, search } = req.nextUrl
  const token = req.cookies.get(SESSION_COOKIE_NAME)?.value

  if (!token) {
    // API routes answer 401 JSON themselves; public pages need no session.
    if (pathname.startsWith('/api/') || isPublicPage(pathname)) return NextResponse.next()
    const login = new URL('/login', req.url)
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`)
    return NextResponse.redirect(login)
  }

  const res = NextResponse.next()
  // Reads only: sign-in and sign-out (server actions and routes, all POSTs) set or clear the
  // cookie themselves, and a second Set-Cookie here would race theirs.
  if (req.method === 'GET' || req.method === 'HEAD') res.cookies.set(SESSION_COOKIE_NAME, token, sessionCookieOptions())
  return res
}
