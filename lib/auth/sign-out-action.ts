'use server'
// The header's sign-out button: ends the session server-side, drops the cookie, goes to /login.
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { deleteSession } from '@/lib/auth/delete-session'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { clearedSessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'

export async function signOutAction(): Promise<void> {
  const store = await cookies()
  const session = await getSessionFromToken(store.get(SESSION_COOKIE_NAME)?.value)
  if (session) await deleteSession({ sessionId: session.sessionId })
  store.set(SESSION_COOKIE_NAME, '', clearedSessionCookieOptions())
  redirect('/login')
}
