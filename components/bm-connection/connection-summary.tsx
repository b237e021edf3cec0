// Where the connection stands: connected (the token's last four characters, since when), not
// connected, or refused by Back Market (when, and its answer); the markets. Server-rendered.
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { formatWhen } from '@/components/sync/format-time'
import type { ConnectionStatus } from '@/lib/sync/connection/connection-status'

export async function ConnectionSummary({ status }: { status: ConnectionStatus }) {
  const [t, format] = await Promise.all([getTranslations('bmConnection'), getFormatter()])
  const markets = status.markets.map((m) => `${t(`markets.${m}` as 'markets.fr-fr')} (${m})`).join(', ')
  return (
    <div className="space-y-2 text-sm text-slate-800">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={status.state === 'connected' ? 'success' : 'danger'}>{t(`status.badge.${status.state}`)}</Badge>
        {status.state === 'not_connected' ? <span>{t('status.notConnected')}</span> : null}
        {status.state !== 'not_connected' && status.tokenEnding ? (
          <span>
            {status.connectedAt
              ? t('status.connectedSince', { ending: status.tokenEnding, at: formatWhen(format, status.connectedAt) })
              : t('status.connected', { ending: status.tokenEnding })}
          </span>
        ) : null}
      </p>
      {status.refusal ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-200 ring-inset">
          <p className="font-medium">{t('status.refused', { at: formatWhen(format, status.refusal.at) })}</p>
          {status.refusal.status !== null ? <p className="break-words">{t('status.refusalAnswer', { status: status.refusal.status, message: status.refusal.message })}</p> : null}
        </div>
      ) : null}
      <p>{t('status.markets', { markets })}</p>
    </div>
  )
}
