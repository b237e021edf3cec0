'use client'
// What a role cannot do stays on screen, disabled, with the reason beside it: a viewer learns that
// re-syncing exists and whom to ask; read-only staff learn how to act. The server refuses the
// call anyway (lib/auth/assert-permission.ts): this only saves a click that would get a 403.
import { useTranslations } from 'next-intl'
import type { Permission } from '@/lib/auth/roles'
import { usePermission } from './role-context'

export const GATED_ACTIONS = ['resync', 'dismiss', 'mapSku', 'fixAddress', 'check'] as const
export type GatedAction = (typeof GATED_ACTIONS)[number]

export type ActionPermission = { allowed: true; reason: null } | { allowed: false; reason: string }

/** Whether the person may do `action` (which needs `permission`), and if not, the sentence saying why. */
export function useActionPermission(permission: Permission, action: GatedAction): ActionPermission {
  const t = useTranslations('roles')
  const verdict = usePermission(permission)
  if (verdict.allowed) return { allowed: true, reason: null }
  if (verdict.reason === 'staff_read_only') return { allowed: false, reason: t('denied.staffReadOnly') }
  const values = { role: t(`role.${verdict.role}`), action: t(`actions.${action}`) }
  return {
    allowed: false,
    reason: verdict.merchantName ? t('denied.role', { ...values, merchant: verdict.merchantName }) : t('denied.roleNoMerchant', values),
  }
}

/** The reason, for the disabled control's aria-describedby; nothing when the action is allowed. */
export function PermissionNote({ id, gate, className }: { id: string; gate: ActionPermission; className?: string }) {
  if (gate.allowed) return null
  return (
    <p id={id} className={className ?? 'text-xs text-slate-600'}>
      {gate.reason}
    </p>
  )
}

/** aria-describedby from several ids, the absent ones left out. */
export function describedBy(...ids: Array<string | null | undefined | false>): string | undefined {
  const present = ids.filter(Boolean)
  return present.length ? present.join(' ') : undefined
}
