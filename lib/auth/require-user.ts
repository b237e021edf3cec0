// Page and server-component guard: no valid session → redirect to /login.
import 'server-only'
import { cache } from 'react'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { SignedInUser } from '@/lib/auth/signed-in-user'

/** Cached per request: the layout and the page share one lookup. */
export const getCurrentSession = cache(async () => {
  const store = await cookies()
  return getSessionFromToken(store.get(SESSION_COOKIE_NAME)?.value)
})

export async function requireUser(): Promise<SignedInUser> {
  const session = await getCurrentSession()
  if (!session) redirect('/login')
  return session.user
}
