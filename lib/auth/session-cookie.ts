// The session cookie's name, lifetimes and attributes, in one place so that the login route,
// the server actions and the proxy (which re-sets it to slide its expiry) agree.
// Pure: no database and no Next imports, so the proxy can use it.

const DAY_MS = 24 * 60 * 60 * 1000

/** A session ends this long after sign-in, however often it is used. */
export const SESSION_ABSOLUTE_MS = 30 * DAY_MS
/** …and earlier, when it has not been used for this long. */
export const SESSION_IDLE_MS = 7 * DAY_MS
/** Last use is written at most this often: one write an hour per session, not one per request. */
export const SESSION_TOUCH_EVERY_MS = 60 * 60 * 1000

const isProduction = () => process.env.NODE_ENV === 'production'

/**
 * `__Host-` in production: the browser then accepts the cookie only with Secure, Path=/ and no
 * Domain, so neither a sibling subdomain nor a plain-HTTP page can plant or overwrite it.
 * Chromium treats http://localhost, 127.0.0.1 and [::1] as secure for this (checked with Chromium
 * 156), so `next start` on a loopback address keeps working; development and tests use plain
 * `bm_session` because other clients (curl, test requests) may speak HTTP to any host.
 */
export function sessionCookieName(production = isProduction()): string {
  return production ? '__Host-bm_session' : 'bm_session'
}

export const SESSION_COOKIE_NAME = sessionCookieName()

export type SessionCookieOptions = {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  path: '/'
  maxAge: number
}

/**
 * Lax (not Strict) so that following a link to the dashboard from an email or chat arrives
 * signed in; cross-site POSTs still arrive without the cookie. Secure in production (required by
 * the `__Host-` name). It lives as long as the idle lifetime and is slid on every visit by the
 * proxy; the server's lifetimes are the ones that count.
 */
export function sessionCookieOptions(production = isProduction()): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: production, path: '/', maxAge: SESSION_IDLE_MS / 1000 }
}

/** Options that make the browser drop the cookie (same path and flags, or it would not match). */
export function clearedSessionCookieOptions(production?: boolean): SessionCookieOptions {
  return { ...sessionCookieOptions(production), maxAge: 0 }
}

/** When a session stops being valid: its absolute end, or its idle end if that comes first. */
export function sessionEndsAt({ expiresAt, lastSeenAt }: { expiresAt: Date; lastSeenAt: Date }): Date {
  return new Date(Math.min(expiresAt.getTime(), lastSeenAt.getTime() + SESSION_IDLE_MS))
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
