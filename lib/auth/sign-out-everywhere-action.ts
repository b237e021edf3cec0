'use server'
// The header's "sign out everywhere" button: ends all of the caller's sessions, this one
// included, drops the cookie and goes to /login. A server action, so Next's own Origin check
// guards it like the plain sign-out.
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { clearedSessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere'

export async function signOutEverywhereAction(): Promise<void> {
  const store = await cookies()
  const session = await getSessionFromToken(store.get(SESSION_COOKIE_NAME)?.value)
  if (session) await signOutEverywhere({ userId: session.user.userId })
  store.set(SESSION_COOKIE_NAME, '', clearedSessionCookieOptions())
  redirect('/login')
}
