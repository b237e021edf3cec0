// Newest first (as Cubyn lists them) or most urgent first: plain links, so the choice lives in the
// URL and works without JavaScript.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'
import type { ErrorSort } from './connection-errors'

const SORTS: ErrorSort[] = ['newest', 'urgency']

export function ErrorSortLinks({ current }: { current: ErrorSort }) {
  const t = useTranslations('connection.sort')
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{t('label')}:</span>
      {SORTS.map((s) => (
        <Link
          key={s}
          href={s === 'newest' ? '/connection-issues' : '/connection-issues?sort=urgency'}
          aria-current={s === current ? 'page' : undefined}
          className={cn(
            'rounded-md px-2.5 py-1 font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
            s === current ? 'bg-indigo-50 text-indigo-800 ring-indigo-200' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
          )}
        >
          {t(s)}
        </Link>
      ))}
    </nav>
  )
}
