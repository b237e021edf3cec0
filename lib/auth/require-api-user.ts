// Route-handler guard: reads the session cookie from the Request itself (not next/headers) so a
// test can call a handler directly with a Request. No session → AppError('unauthorized') → 401.
import 'server-only'
import { AppError } from '@/lib/errors'
import { getSessionFromToken, type ActiveSession } from '@/lib/auth/get-session-from-token'
import { readCookie, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { SignedInUser } from '@/lib/auth/signed-in-user'

export async function requireApiSession(req: Request): Promise<ActiveSession> {
  const session = await getSessionFromToken(readCookie(req.headers.get('cookie'), SESSION_COOKIE_NAME))
  if (!session) throw new AppError('unauthorized')
  return session
}

export async function requireApiUser(req: Request): Promise<SignedInUser> {
  return (await requireApiSession(req)).user
}
