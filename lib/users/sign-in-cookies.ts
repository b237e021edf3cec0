// The cookies a route sets when it signs someone in (accepting an invitation, completing a
// reset): the session, and the language and zone every later request reads without a database
// round trip. The language this browser already chose stays (lib/i18n/locales.ts).
import type { NextResponse } from 'next/server'
import { readCookie, sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { LOCALE_COOKIE, localeAfterSignIn, localeCookieOptions } from '@/lib/i18n/locales'
import { resolveTimeZone, TIME_ZONE_COOKIE, timeZoneCookieOptions } from '@/lib/i18n/time-zone'
import type { SignedInPerson } from './signed-in-person'

export function setSignInCookies(res: NextResponse, req: Request, person: SignedInPerson): NextResponse {
  res.cookies.set(SESSION_COOKIE_NAME, person.token, sessionCookieOptions())
  const locale = localeAfterSignIn(readCookie(req.headers.get('cookie'), LOCALE_COOKIE) ?? undefined, person.user.locale)
  if (locale) res.cookies.set(LOCALE_COOKIE, locale, localeCookieOptions())
  res.cookies.set(TIME_ZONE_COOKIE, resolveTimeZone(person.user.timeZone), timeZoneCookieOptions())
  return res
}

/** Where the person lands once signed in: staff have their own home. */
export function homeOf(person: SignedInPerson): string {
  return person.user.isStaff ? '/staff' : '/orders'
}
