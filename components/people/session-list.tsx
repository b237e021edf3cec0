// One's own open sessions: the browser and system, the address, when it was last used (in one's
// zone), which one is this; each can be signed out.
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatWhen } from '@/components/sync/format-time'
import { Badge } from '@/components/ui/badge'
import type { SessionRow } from '@/lib/users/list-sessions'
import { SignOutSessionButton } from './sign-out-session-button'

export async function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const [t, format] = await Promise.all([getTranslations('people.sessions'), getFormatter()])
  return (
    <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {sessions.map((s) => {
        const device = s.browser && s.system ? t('device', { browser: s.browser, system: s.system }) : (s.browser ?? s.system ?? t('unknownDevice'))
        return (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 sm:px-5">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {device}
                {s.current ? <Badge tone="success">{t('current')}</Badge> : null}
              </p>
              <p className="text-xs text-slate-600">
                {s.ipAddress ? t('from', { address: s.ipAddress }) : t('unknownAddress')}
                {' · '}
                {t('lastSeen', { when: formatWhen(format, s.lastSeenAt) })}
                {' · '}
                {t('signedIn', { when: formatWhen(format, s.createdAt) })}
              </p>
            </div>
            <SignOutSessionButton id={s.id} label={device} />
          </li>
        )
      })}
    </ul>
  )
}
