// The merchant's keys: what tells them apart (name, first characters, scopes), who made each and
// when, its last use, and revoked or not. Never a secret: only its hash is kept.
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatWhen } from '@/components/sync/format-time'
import { Badge } from '@/components/ui/badge'
import type { ListedApiKey } from '@/lib/api-keys/list-api-keys'
import { RevokeApiKeyButton } from './revoke-api-key-button'

export async function ApiKeyList({ keys }: { keys: ListedApiKey[] }) {
  const [t, format] = await Promise.all([getTranslations('apiKeys.list'), getFormatter()])
  if (keys.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>
  return (
    <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {keys.map((k) => (
        <li key={k.id} aria-labelledby={`key-${k.id}`} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 sm:px-5">
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`key-${k.id}`} className="font-medium break-all text-slate-900">
                {k.name}
              </h3>
              {k.revokedAt ? <Badge tone="danger">{t('revoked')}</Badge> : <Badge tone="success">{t('active')}</Badge>}
            </div>
            <p className="font-mono text-xs text-slate-700">
              <span className="sr-only">{t('prefix')} </span>
              {k.prefix}…
            </p>
            <p className="flex flex-wrap gap-1.5">
              <span className="sr-only">{t('scopes')}</span>
              {k.scopes.map((s) => (
                <Badge key={s} tone="accent" className="font-mono">
                  {s}
                </Badge>
              ))}
            </p>
            <p className="text-xs text-slate-600">
              {k.createdByName ? t('createdBy', { name: k.createdByName, when: formatWhen(format, k.createdAt) }) : t('created', { when: formatWhen(format, k.createdAt) })}
              {' · '}
              {k.lastUsedAt ? t('lastUsed', { when: formatWhen(format, k.lastUsedAt) }) : t('neverUsed')}
              {k.revokedAt ? ` · ${t('revokedOn', { when: formatWhen(format, k.revokedAt) })}` : null}
            </p>
          </div>
          {k.revokedAt ? null : <RevokeApiKeyButton id={k.id} name={k.name} />}
        </li>
      ))}
    </ul>
  )
}
