// The warehouse keys: name, first characters, who made each and when, last use, live or revoked.
// Never a secret: only its hash is kept.
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatWhenWithYear } from '@/components/sync/format-time'
import { Badge } from '@/components/ui/badge'
import type { ListedWarehouseKey } from '@/lib/staff/list-warehouse-keys'
import { RevokeApiKeyButton } from '@/components/api-keys/revoke-api-key-button'

export async function WarehouseKeyList({ keys }: { keys: ListedWarehouseKey[] }) {
  const [t, format] = await Promise.all([getTranslations('staff.keys'), getFormatter()])
  // A key lives for years: its dates carry theirs.
  const when = (iso: string) => formatWhenWithYear(format, iso)
  return (
    <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {keys.map((k) => (
        <li key={k.id} aria-labelledby={`wh-key-${k.id}`} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 sm:px-5">
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`wh-key-${k.id}`} className="font-medium break-all text-slate-900">
                {k.name}
              </h3>
              {k.revokedAt ? <Badge tone="danger">{t('revokedBadge')}</Badge> : <Badge tone="success">{t('live')}</Badge>}
            </div>
            <p className="font-mono text-xs text-slate-700">
              <span className="sr-only">{t('prefix')} </span>
              {k.prefix}…
            </p>
            <p className="text-xs text-slate-600">
              {k.createdByName ? t('createdBy', { name: k.createdByName, time: when(k.createdAt) }) : t('createdOn', { time: when(k.createdAt) })}
              {' · '}
              {k.lastUsedAt ? t('lastUsed', { time: when(k.lastUsedAt) }) : t('neverUsed')}
              {k.revokedAt ? ` · ${t('revoked', { time: when(k.revokedAt) })}` : null}
            </p>
          </div>
          {k.revokedAt ? null : <RevokeApiKeyButton id={k.id} name={k.name} endpoint="/api/staff/warehouse-keys" messages="staff.keys" />}
        </li>
      ))}
    </ul>
  )
}
