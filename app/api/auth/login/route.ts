// POST /api/auth/login — sign in with email and password; sets the session cookie. Throttled
// (lib/auth/sign-in-throttle.ts): 429 with Retry-After, in the caller's language.
import { createTranslator } from 'next-intl'
import { NextResponse } from 'next/server'
import { requestClientAddress } from '@/lib/auth/client-address'
import { readCookie, sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { INVALID_CREDENTIALS_MESSAGE, retryAfterMinutes, SignInSchema } from '@/lib/auth/sign-in-schema'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'

export const POST = handle(async (req: Request) => {
  const input = await parseJsonBody(req, SignInSchema)
  const cookie = req.headers.get('cookie')
  const result = await signInWithPassword({
    ...input,
    clientAddress: requestClientAddress(req.headers),
    previousToken: readCookie(cookie, SESSION_COOKIE_NAME),
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
  const res = NextResponse.json({ user: result.user })
  res.cookies.set(SESSION_COOKIE_NAME, result.token, sessionCookieOptions())
  return res
})
