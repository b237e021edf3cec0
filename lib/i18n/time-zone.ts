// Every time is shown in the user's zone: theirs if they chose one, else their merchant's, else
// UTC. Like the language it lives in a cookie (set at sign-in and when the user changes it), so a
// request knows it without a database read; the session's value is the authority when both exist.
export const TIME_ZONE_COOKIE = 'bm_tz'
export const DEFAULT_TIME_ZONE = 'UTC'

let known: Set<string> | null = null

/** An IANA zone this runtime knows (Intl.supportedValuesOf), UTC included. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false
  known ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
  return known.has(value)
}

export function resolveTimeZone(cookie: string | undefined): string {
  return isTimeZone(cookie) ? cookie : DEFAULT_TIME_ZONE
}

/** The zones a user can pick from, sorted. */
export function timeZoneChoices(): string[] {
  return [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort()
}

/** Same lifetime and visibility as the language cookie (no secret in it). */
export function timeZoneCookieOptions() {
  return { path: '/', sameSite: 'lax' as const, httpOnly: false, maxAge: 365 * 24 * 3600, secure: process.env.NODE_ENV === 'production' }
}
