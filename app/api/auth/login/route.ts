// POST /api/auth/login — sign in with email and password; sets the session cookie. Throttled
// (lib/auth/sign-in-throttle.ts): 429 with Retry-After, in the caller's language.
import { createTranslator } from 'next-intl'
import { NextResponse } from 'next/server'
import { requestExactAddress } from '@/lib/auth/client-address'
import { readCookie, sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { INVALID_CREDENTIALS_MESSAGE, retryAfterMinutes, SignInSchema } from '@/lib/auth/sign-in-schema'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { DEFAULT_AFTER_SIGN_IN } from '@/lib/auth/safe-redirect'
import { LOCALE_COOKIE, localeAfterSignIn, localeCookieOptions, resolveLocale } from '@/lib/i18n/locales'
import { resolveTimeZone, TIME_ZONE_COOKIE, timeZoneCookieOptions } from '@/lib/i18n/time-zone'
import { loadMessages } from '@/messages'

export const POST = handle(async (req: Request) => {
  const input = await parseJsonBody(req, SignInSchema)
  const cookie = req.headers.get('cookie')
  const result = await signInWithPassword({
    ...input,
    clientAddress: requestExactAddress(req.headers),
    previousToken: readCookie(cookie, SESSION_COOKIE_NAME),
    userAgent: req.headers.get('user-agent')?.slice(0, 300) ?? null,
  })
  if (!result.ok && result.reason === 'throttled') {
    const locale = resolveLocale(readCookie(cookie, LOCALE_COOKIE) ?? undefined, req.headers.get('accept-language'))
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'auth.errors' })
    throw new AppError('rate_limited', {
      message: 'sign-in throttled',
      userMessage: t('tooManyAttempts', { minutes: retryAfterMinutes(result.retryAfterSeconds) }),
      details: { retryAfterSeconds: result.retryAfterSeconds },
    })
  }
  if (!result.ok) throw new AppError('unauthorized', { message: 'sign-in refused', userMessage: INVALID_CREDENTIALS_MESSAGE })
  const res = NextResponse.json({ user: result.user, next: result.user.isStaff ? '/staff' : DEFAULT_AFTER_SIGN_IN })
  res.cookies.set(SESSION_COOKIE_NAME, result.token, sessionCookieOptions())
  // Like the sign-in form: the language this browser chose stays, else the account's; the zone is the account's.
  const locale = localeAfterSignIn(readCookie(cookie, LOCALE_COOKIE) ?? undefined, result.user.locale)
  if (locale) res.cookies.set(LOCALE_COOKIE, locale, localeCookieOptions())
  res.cookies.set(TIME_ZONE_COOKIE, resolveTimeZone(result.user.timeZone), timeZoneCookieOptions())
  return res
})
