'use client'
// The connection test's four checks, each OK, failed with Back Market's answer (status and its
// words, a hint of what to do), or not checked and why.
import { useTranslations } from 'next-intl'
import type { ConnectionCheck } from '@/lib/backmarket/check-connection'
import { cn } from '@/components/ui/cn'
import type { ConnectionTestResult } from './status-view'

const MARK = { ok: '✓', failed: '✗', skipped: '–' } as const

export function CheckResults({ result }: { result: ConnectionTestResult }) {
  const t = useTranslations('bmConnection.checks')
  return (
    <section aria-labelledby="connection-checks-title" className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
      <h3 id="connection-checks-title" className="text-sm font-semibold text-slate-900">
        {t('title')} — {result.ok ? t('allOk') : t('someFailed')}
      </h3>
      <ul className="mt-2 space-y-2">
        {result.checks.map((check) => (
          <CheckRow key={check.name} check={check} />
        ))}
      </ul>
    </section>
  )
}

function CheckRow({ check }: { check: ConnectionCheck }) {
  const t = useTranslations('bmConnection.checks')
  const label = check.status === 'ok' ? t('ok') : check.status === 'failed' ? t('failedLabel') : t('skippedWhy', { reason: t(`skipped.${check.reason}`) })
  const hint = check.status === 'failed' && (check.name === 'token' || check.name === 'userAgent') ? t(`hints.${check.name}`) : null
  return (
    <li className="flex gap-2 text-sm">
      <span
        aria-hidden="true"
        className={cn('w-4 shrink-0 text-center font-bold', check.status === 'ok' ? 'text-emerald-700' : check.status === 'failed' ? 'text-red-700' : 'text-slate-500')}
      >
        {MARK[check.status]}
      </span>
      <div className="min-w-0">
        <p className="text-slate-900">
          <span className="font-medium">{t(`names.${check.name}`)}</span>
          {check.status === 'skipped' ? ' — ' : ': '}
          {label}
        </p>
        {check.status === 'ok' && check.warning ? <p className="break-words text-amber-900">{t('unreadableWarning', { message: check.warning.message })}</p> : null}
        {check.status === 'failed' ? (
          <>
            <p className="break-words text-red-800">
              {check.failure.status === null
                ? t('failureNoStatus', { message: check.failure.message })
                : t('failure', { status: check.failure.status, message: check.failure.message })}
            </p>
            {hint ? <p className="text-slate-700">{hint}</p> : null}
            {check.failure.requestId ? <p className="text-xs break-all text-slate-600">{t('requestId', { id: check.failure.requestId })}</p> : null}
          </>
        ) : null}
      </div>
    </li>
  )
}
