// The one permission check, shared by route handlers, pages and server actions: 403 (AppError
// forbidden) naming what is missing, so the UI can say why.
import { AppError } from '@/lib/errors'
import { leastRoleFor, roleCan, type Permission } from '@/lib/auth/roles'
import type { SessionUser, SignedInUser } from '@/lib/auth/signed-in-user'

export function hasMerchantInView(user: SessionUser): user is SignedInUser {
  return user.merchantId !== null && user.merchantName !== null && user.role !== null
}

export function can(user: SessionUser, permission: Permission): boolean {
  return hasMerchantInView(user) && roleCan(user.role, permission)
}

export function assertPermission(user: SessionUser, permission: Permission): SignedInUser {
  if (!hasMerchantInView(user)) {
    throw new AppError('forbidden', { userMessage: 'Open a merchant first (Merchants).', details: { reason: 'no_merchant_open' } })
  }
  if (!roleCan(user.role, permission)) {
    const reason = user.staff && !user.staff.acting ? 'staff_read_only' : 'role'
    const userMessage =
      reason === 'staff_read_only'
        ? 'You are viewing this merchant read-only: choose “Act as support” first.'
        : `Your role (${user.role.toLowerCase()}) cannot do this: it needs ${leastRoleFor(permission).toLowerCase()}. Ask an admin.`
    throw new AppError('forbidden', { userMessage, details: { reason, needs: leastRoleFor(permission), role: user.role } })
  }
  return user
}
