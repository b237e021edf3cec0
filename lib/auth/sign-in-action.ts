'use server'
// The login form's server action: works without JavaScript, sets the cookie, redirects.
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { safeRedirectPath } from '@/lib/auth/safe-redirect'
import { sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { INVALID_CREDENTIALS_MESSAGE, SignInSchema, type SignInFormState } from '@/lib/auth/sign-in-schema'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { LOCALE_COOKIE, localeAfterSignIn, localeCookieOptions } from '@/lib/i18n/locales'

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

  const result = await signInWithPassword(parsed.data)
  if (!result.ok) return { email, formError: INVALID_CREDENTIALS_MESSAGE }

  const store = await cookies()
  store.set(SESSION_COOKIE_NAME, result.token, sessionCookieOptions())
  // The language picked on this browser (even on the sign-in page just now) stays; else the account's.
  const locale = localeAfterSignIn(store.get(LOCALE_COOKIE)?.value, result.user.locale)
  if (locale) store.set(LOCALE_COOKIE, locale, localeCookieOptions())
  redirect(safeRedirectPath(formData.get('next')))
}
