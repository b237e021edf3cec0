// Route-handler guards: read the session cookie from the Request itself (not next/headers) so a
// test can call a handler directly with a Request. No session → 401; a role without the
// permission, or staff with no merchant open → 403 saying why.
import 'server-only'
import { AppError } from '@/lib/errors'
import { getSessionFromToken, type ActiveSession } from '@/lib/auth/get-session-from-token'
import { requestOrigin } from '@/lib/auth/request-origin'
import type { Permission } from '@/lib/auth/roles'
import { readCookie, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { SignedInUser } from '@/lib/auth/signed-in-user'
import { assertPermission } from '@/lib/auth/assert-permission'

/** Any signed-in person, merchant in view or not (their own profile, sessions, sign-out). */
export async function requireApiSession(req: Request): Promise<ActiveSession> {
  const session = await getSessionFromToken(readCookie(req.headers.get('cookie'), SESSION_COOKIE_NAME), new Date(), requestOrigin(req.headers))
  if (!session) throw new AppError('unauthorized')
  return session
}

/** A person with a merchant in view whose role there holds `permission`. */
export async function requireApiUser(req: Request, permission: Permission): Promise<SignedInUser> {
  return assertPermission((await requireApiSession(req)).user, permission)
}

/**
 * The fulfilment company's staff only. The session itself, not just its person: the staff routes
 * that open a merchant, act or close change the session row by its id.
 */
export async function requireApiStaff(req: Request): Promise<ActiveSession> {
  const session = await requireApiSession(req)
  if (session.user.userRole !== 'STAFF') throw new AppError('forbidden', { userMessage: 'Only the fulfilment company’s staff can do this.' })
  return session
}
