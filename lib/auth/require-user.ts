// Page, layout and server-action guards: no valid session → redirect to /login; a staff user with
// no merchant open → /staff; a role without the permission → the page's 403 (forbidden()).
import 'server-only'
import { cache } from 'react'
import { cookies, headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hasMerchantInView } from '@/lib/auth/assert-permission'
import { requestOrigin } from '@/lib/auth/request-origin'
import { roleCan, type Permission } from '@/lib/auth/roles'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { SessionUser, SignedInUser } from '@/lib/auth/signed-in-user'

/** Cached per request: the layout and the page share one lookup. */
export const getCurrentSession = cache(async () => {
  const [store, h] = await Promise.all([cookies(), headers()])
  return getSessionFromToken(store.get(SESSION_COOKIE_NAME)?.value, new Date(), requestOrigin(h))
})

/** Any signed-in person (staff with no merchant open included). */
export async function requireSessionUser(): Promise<SessionUser> {
  const session = await getCurrentSession()
  if (!session) redirect('/login')
  return session.user
}

/** A person with a merchant in view whose role there holds `permission` (default: read). */
export async function requireUser(permission: Permission = 'read'): Promise<SignedInUser> {
  const user = await requireSessionUser()
  if (!hasMerchantInView(user)) redirect(user.userRole === 'STAFF' ? '/staff' : '/login')
  if (!roleCan(user.role, permission)) forbidden()
  return user
}

/** Staff pages. */
export async function requireStaffUser(): Promise<SessionUser> {
  const user = await requireSessionUser()
  if (user.userRole !== 'STAFF') forbidden()
  return user
}
