// Who may do what. Three permissions, one per kind of work: reading (every role), fixing what
// blocks sales (addresses, re-syncs, dismissals, SKU mappings) and running the account (settings,
// users, API keys, webhooks, the Back Market connection). Staff hold no role of a merchant: a staff
// user who opens a merchant reads like a viewer, and acts like its admin only after choosing to.
export const MERCHANT_ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const
export type MerchantRole = (typeof MERCHANT_ROLES)[number]
export type UserRole = MerchantRole | 'STAFF'

export const PERMISSIONS = ['read', 'operate', 'administer'] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Record<MerchantRole, readonly Permission[]> = {
  VIEWER: ['read'],
  OPERATOR: ['read', 'operate'],
  ADMIN: ['read', 'operate', 'administer'],
}

export function roleCan(role: MerchantRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission)
}

/** The least role that holds a permission: what the UI names when it says why something is off. */
export function leastRoleFor(permission: Permission): MerchantRole {
  return MERCHANT_ROLES.find((r) => roleCan(r, permission))!
}

/** A staff user's role on the merchant they opened. */
export function staffEffectiveRole(acting: boolean): MerchantRole {
  return acting ? 'ADMIN' : 'VIEWER'
}
