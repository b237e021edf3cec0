'use server'
// The login form's server action: works without JavaScript, sets the cookie, redirects.
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { requestExactAddress } from '@/lib/auth/client-address'
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from '@/lib/auth/safe-redirect'
import { sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import {
  INVALID_CREDENTIALS_MESSAGE,
  retryAfterMinutes,
  SignInSchema,
  TOO_MANY_ATTEMPTS_MESSAGE,
  type SignInFormState,
} from '@/lib/auth/sign-in-schema'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { LOCALE_COOKIE, localeAfterSignIn, localeCookieOptions } from '@/lib/i18n/locales'
import { resolveTimeZone, TIME_ZONE_COOKIE, timeZoneCookieOptions } from '@/lib/i18n/time-zone'

export async function signInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = String(formData.get('email') ?? '')
  const parsed = SignInSchema.safeParse({ email, password: formData.get('password') ?? '' })
  if (!parsed.success) {
    const fieldErrors: SignInFormState['fieldErrors'] = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (field === 'email' || field === 'password') (fieldErrors[field] ??= []).push(issue.message)
    }
    return { email, fieldErrors }
  }

  const [store, h] = await Promise.all([cookies(), headers()])
  const result = await signInWithPassword({
    ...parsed.data,
    clientAddress: requestExactAddress(h),
    previousToken: store.get(SESSION_COOKIE_NAME)?.value,
    userAgent: h.get('user-agent')?.slice(0, 300) ?? null,
  })
  if (!result.ok) {
    return result.reason === 'throttled'
      ? { email, formError: TOO_MANY_ATTEMPTS_MESSAGE, retryAfterMinutes: retryAfterMinutes(result.retryAfterSeconds) }
      : { email, formError: INVALID_CREDENTIALS_MESSAGE }
  }

  store.set(SESSION_COOKIE_NAME, result.token, sessionCookieOptions())
  // The language picked on this browser (even on the sign-in page just now) stays; else the account's.
  const locale = localeAfterSignIn(store.get(LOCALE_COOKIE)?.value, result.user.locale)
  if (locale) store.set(LOCALE_COOKIE, locale, localeCookieOptions())
  // The zone is the account's (the user's, else the merchant's, else UTC): unlike the language, a
  // browser never picks one before signing in.
  store.set(TIME_ZONE_COOKIE, resolveTimeZone(result.user.timeZone), timeZoneCookieOptions())
  // Staff have their own home (the merchants overview) unless they were going somewhere else.
  const next = safeRedirectPath(formData.get('next'))
  redirect(result.user.isStaff && next === DEFAULT_AFTER_SIGN_IN ? '/staff' : next)
}
