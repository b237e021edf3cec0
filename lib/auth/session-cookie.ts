// The session cookie's name, lifetime and attributes, in one place so that the login route,
// the server actions and the proxy (which re-sets it to slide its expiry) agree.
// Pure: no database and no Next imports, so the proxy can use it.

const DAY_MS = 24 * 60 * 60 * 1000

export const SESSION_COOKIE_NAME = 'bm_session'
export const SESSION_TTL_MS = 30 * DAY_MS
/** A session with less than this left is pushed back to a full TTL on use (sliding renewal). */
export const SESSION_RENEW_BELOW_MS = 15 * DAY_MS

export type SessionCookieOptions = {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  path: '/'
  maxAge: number
}

/**
 * Lax (not Strict) so that following a link to the dashboard from an email or chat arrives
 * signed in; cross-site POSTs still arrive without the cookie. Secure only in production
 * because the dev server and the tests speak plain HTTP.
 */
export function sessionCookieOptions(production = process.env.NODE_ENV === 'production'): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: production, path: '/', maxAge: SESSION_TTL_MS / 1000 }
}

/** Options that make the browser drop the cookie (same path and flags, or it would not match). */
export function clearedSessionCookieOptions(production?: boolean): SessionCookieOptions {
  return { ...sessionCookieOptions(production), maxAge: 0 }
}

export function shouldRenewSession(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() < SESSION_RENEW_BELOW_MS
}

/** Reads one cookie from a Cookie request header; route handlers get a plain Request. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== name) continue
    const raw = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return null
}
