'use client'
// The signed-in person's role on the merchant in view, for client components that must hide or
// disable what the role cannot do (and say why). Set once by the dashboard layout; the server
// checks every request again (lib/auth/assert-permission.ts), this only shapes the UI.
import { createContext, useContext, type ReactNode } from 'react'
import { leastRoleFor, roleCan, type MerchantRole, type Permission } from '@/lib/auth/roles'

/** merchantName: named in the reasons ("ask an admin of …"). */
type RoleInView = { role: MerchantRole; staffReadOnly: boolean; merchantName: string | null }

const RoleContext = createContext<RoleInView | null>(null)

export function RoleProvider({ role, staffReadOnly, merchantName, children }: RoleInView & { children: ReactNode }) {
  return <RoleContext.Provider value={{ role, staffReadOnly, merchantName }}>{children}</RoleContext.Provider>
}

export type PermissionVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'role' | 'staff_read_only'; role: MerchantRole; needs: MerchantRole; merchantName: string | null }

/** Whether the person may do what needs `permission`, and if not, why. Outside a provider: no. */
export function usePermission(permission: Permission): PermissionVerdict {
  const inView = useContext(RoleContext)
  if (inView && roleCan(inView.role, permission)) return { allowed: true }
  const role = inView?.role ?? 'VIEWER'
  const reason = inView?.staffReadOnly ? 'staff_read_only' : 'role'
  return { allowed: false, reason, role, needs: leastRoleFor(permission), merchantName: inView?.merchantName ?? null }
}
