'use client'
// Back Market's raw answer to the call behind an error, one click away: loaded when opened, shown
// as received (JSON, or the start of an HTML error page), with what we had sent.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useSyncAttempt } from './api/get-sync-attempt'
import { useApiErrorText } from './use-api-error-text'

const pretty = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2))

export function RawAnswer({ attemptId }: { attemptId: string }) {
  const t = useTranslations('connection.raw')
  const errorText = useApiErrorText()
  const [open, setOpen] = useState(false)
  const { data, error, isPending } = useSyncAttempt(attemptId, { enabled: open })
  const attempt = data?.attempt

  return (
    <details className="min-w-0 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {t('summary')}
      </summary>
      <div className="mt-2 space-y-2" aria-busy={open && isPending}>
        {error ? (
          <p role="alert" className="text-red-800">
            {t('failed', { message: errorText(error) })}
          </p>
        ) : !attempt ? (
          <p className="text-slate-600">{t('loading')}</p>
        ) : (
          <>
            <p className="font-mono text-xs break-all text-slate-700">
              {attempt.method} {attempt.path} → {attempt.httpStatus ?? t('noStatus')}
            </p>
            {attempt.requestSummary !== null ? <Block title={t('request')} value={attempt.requestSummary} /> : null}
            {attempt.bmError !== null ? <Block title={t('answer')} value={attempt.bmError} /> : <p className="text-slate-600">{t('noAnswer')}</p>}
          </>
        )}
      </div>
    </details>
  )
}

function Block({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</p>
      <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {pretty(value)}
      </pre>
    </div>
  )
}
