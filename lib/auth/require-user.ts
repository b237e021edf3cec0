// Page, layout and server-action guards: no valid session → redirect to /login; a staff user with
// no merchant open → /staff; a role without the permission → the page's 403 (forbidden()).
import 'server-only'
import { cache } from 'react'
import { cookies, headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hasMerchantInView } from '@/lib/auth/assert-permission'
import { requestOrigin } from '@/lib/auth/request-origin'
import { leastRoleFor, roleCan, type Permission } from '@/lib/auth/roles'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { SessionUser, SignedInUser } from '@/lib/auth/signed-in-user'

/** Cached per request: the layout and the page share one lookup. */
export const getCurrentSession = cache(async () => {
  const [store, h] = await Promise.all([cookies(), headers()])
  return getSessionFromToken(store.get(SESSION_COOKIE_NAME)?.value, new Date(), requestOrigin(h))
})

/** Why a guard refused: the 403 page (app/forbidden.tsx) says it, and draws its own <main> when needed. */
export type Refusal = 'staff_only' | 'needs_admin' | 'needs_operator' | 'staff_read_only'

/** What a guard refusing `user` for `need` notes. Acting staff are admins, so only read-only staff are refused. */
export function refusalOf(user: SessionUser, need: Permission | 'staff'): Refusal {
  if (need === 'staff') return 'staff_only'
  if (user.staff) return 'staff_read_only'
  return leastRoleFor(need) === 'ADMIN' ? 'needs_admin' : 'needs_operator'
}

// The 403 page renders in the request that refused, but forbidden() carries no reason: the guard
// notes it here first. The session alone cannot say it (a viewer is refused both an admin page
// and a staff page, and only the second is drawn outside the dashboard's <main>).
const refusalNote = cache((): { why: Refusal | null } => ({ why: null }))

function refuse(why: Refusal): never {
  refusalNote().why = why
  forbidden()
}

/** The reason the guard noted before forbidden(), or null (a refusal that came from elsewhere). */
export function notedRefusal(): Refusal | null {
  return refusalNote().why
}

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
  if (!roleCan(user.role, permission)) refuse(refusalOf(user, permission))
  return user
}

/** Staff pages. */
export async function requireStaffUser(): Promise<SessionUser> {
  const user = await requireSessionUser()
  if (user.userRole !== 'STAFF') refuse(refusalOf(user, 'staff'))
  return user
}
