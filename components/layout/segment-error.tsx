'use client'
// What an error.tsx shows: a generic message (server errors reach the browser without their
// details), the digest to quote to support, and a retry. The dashboard's and the staff's headers
// stay on screen around it; the root's error page has no <main> around it and asks for its own.
import { useTranslations } from 'next-intl'

// buttonClasses() of components/ui/button.tsx (primary, md) spelled out: importing Button put a
// second copy of it (and cn) in every page's first JavaScript, in this boundary's own chunk.
const retryClasses =
  'mt-6 inline-flex h-10 items-center justify-center gap-2 rounded-md bg-indigo-700 px-4 text-sm font-medium whitespace-nowrap ' +
  'text-white shadow-sm transition-colors hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-indigo-600'

export function errorDigest(error: unknown): string | undefined {
  return error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined
}

export function SegmentError({ error, retry, landmark = false }: { error: unknown; retry: () => void; landmark?: boolean }) {
  const t = useTranslations('common')
  const digest = errorDigest(error)
  const card = (
    <div role="alert" className="rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">{t('errorPage.title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('errorPage.body')}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t('errorPage.reference', { digest })}</p> : null}
      <button type="button" className={retryClasses} onClick={() => retry()}>
        {t('retry')}
      </button>
    </div>
  )
  return landmark ? <main className="mx-auto w-full max-w-3xl px-4 py-16 sm:py-24">{card}</main> : card
}
