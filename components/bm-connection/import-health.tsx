// The import's health: the last run (when, how it ended, what it saw), the orders held in all, and
// the last error with its time. Server-rendered; times in the reader's zone.
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { formatWhen } from '@/components/sync/format-time'
import type { ConnectionStatus } from '@/lib/sync/connection/connection-status'

const TONE = { RUNNING: 'accent', SUCCEEDED: 'success', FAILED: 'danger' } as const

export async function ImportHealth({ imports }: { imports: ConnectionStatus['imports'] }) {
  const [t, format] = await Promise.all([getTranslations('bmConnection.imports'), getFormatter()])
  const run = imports.lastRun
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium text-slate-700">{t('lastImport')}</dt>
      <dd className="text-slate-900">
        {run ? (
          <span className="flex flex-wrap items-center gap-2">
            <span>{t('when', { at: formatWhen(format, run.finishedAt ?? run.startedAt) })}</span>
            <Badge tone={TONE[run.status]}>
              <span className="sr-only">{t('statusLabel')}: </span>
              {t(`status.${run.status}`)}
            </Badge>
          </span>
        ) : (
          t('never')
        )}
        {imports.runningSince ? <span className="block text-slate-600">{t('runningNow', { at: formatWhen(format, imports.runningSince) })}</span> : null}
      </dd>
      {run ? (
        <>
          <dt className="font-medium text-slate-700">{t('lastRun')}</dt>
          <dd className="text-slate-900">{t('lastRunCounts', { seen: run.seen, created: run.created, updated: run.updated })}</dd>
        </>
      ) : null}
      <dt className="font-medium text-slate-700">{t('total')}</dt>
      <dd className="text-slate-900">{format.number(imports.totalOrders)}</dd>
      <dt className="font-medium text-slate-700">{t('lastError')}</dt>
      <dd className="break-words text-slate-900">
        {imports.lastError
          ? t('errorAt', { at: formatWhen(format, imports.lastError.at), message: t(`errors.${imports.lastError.code}`, { status: imports.lastError.status ?? 0, hasStatus: imports.lastError.status === null ? 'no' : 'yes' }) })
          : t('noError')}
      </dd>
    </dl>
  )
}
