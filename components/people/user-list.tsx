// The merchant's people: name and email, role, status (invited / active / removed) and when they
// were last seen, in the viewer's zone; an admin's actions beside each.
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatWhen } from '@/components/sync/format-time'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { MerchantUserRow } from '@/lib/users/list-users'
import { UserActions } from './user-actions'

const STATUS_TONE: Record<MerchantUserRow['status'], BadgeTone> = { active: 'success', invited: 'warning', removed: 'neutral' }

export async function UserList({ users, selfId }: { users: MerchantUserRow[]; selfId: string }) {
  const [t, format] = await Promise.all([getTranslations('people'), getFormatter()])
  return (
    <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {users.map((u) => (
        <li key={u.id} aria-labelledby={`user-${u.id}`} className="space-y-3 px-4 py-3 sm:px-5">
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`user-${u.id}`} className="font-medium break-all text-slate-900">
                {u.name}
                {u.id === selfId ? <span className="font-normal text-slate-600"> {t('list.you')}</span> : null}
              </h3>
              <Badge tone="accent">{t(`roles.${u.role}`)}</Badge>
              <Badge tone={STATUS_TONE[u.status]}>{t(`status.${u.status}`)}</Badge>
            </div>
            <p className="text-sm break-all text-slate-700">{u.email}</p>
            <p className="text-xs text-slate-600">
              {u.lastSeenAt ? t('list.lastSeen', { when: formatWhen(format, u.lastSeenAt) }) : t('list.neverSeen')}
              {u.invitationExpiresAt ? ` · ${t('list.invitationExpires', { when: formatWhen(format, u.invitationExpiresAt) })}` : null}
              {u.status === 'invited' && !u.invitationExpiresAt ? ` · ${t('list.invitationExpired')}` : null}
            </p>
          </div>
          <UserActions person={u} isSelf={u.id === selfId} />
        </li>
      ))}
    </ul>
  )
}
