// The issues still open whose last failure is older than the past 7 days, apart from the week's
// last 20 errors: they still block their order or stock (a SKU waiting for a listing fails once,
// then waits), so they stay in sight with their age and their actions however old they are.
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import type { OlderOpenIssue } from '@/lib/sync/connection-health-older-issues'
import { causeOf } from './connection-errors'
import { DismissForm } from './dismiss-form'
import { formatWhen } from './format-time'
import { ResyncButton } from './resync-button'

export async function OlderOpenIssues({ issues, more, now }: { issues: OlderOpenIssue[]; more: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations('connection'), getFormatter()])
  return (
    <section aria-labelledby="older-issues-title" className="space-y-3">
      <div>
        <h2 id="older-issues-title" className="text-lg font-semibold text-slate-900">
          {t('page.olderTitle')}
        </h2>
        <p className="text-sm text-slate-600">
          {t('page.olderDescription')} {more ? t('page.olderMore', { count: issues.length }) : null}
        </p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {issues.map((i) => (
          <li key={i.id} className="flex flex-col gap-3 px-4 py-3 sm:px-5 lg:flex-row lg:items-start lg:justify-between">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2 font-medium break-words text-slate-900">
                {t(`causes.${causeOf({ kind: i.kind, action: i.action, sku: i.sku, httpStatus: null })}.title`, { sku: i.sku ?? '—' })}
                <Badge tone={i.lifecycle === 'retrying' ? 'warning' : 'danger'}>{t(`lifecycle.${i.lifecycle}`)}</Badge>
              </p>
              <p className="text-sm text-slate-700">
                <span className="font-mono text-xs">{i.operation}</span> · {t(`actions.${i.action}`)}
                {i.reference ? (
                  <>
                    {' · '}
                    <Link href={`/orders/${i.reference}`} className="font-mono font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                      {i.reference}
                    </Link>
                  </>
                ) : null}
                {i.sku ? <span className="font-mono break-all"> · {i.sku}</span> : null}
              </p>
              <p className="text-xs text-slate-600">
                {t('page.olderAge', {
                  first: formatWhen(format, i.firstSeenAt),
                  last: formatWhen(format, i.lastSeenAt),
                  age: format.relativeTime(i.lastSeenAt, { now, unit: 'day' }),
                  count: i.occurrences,
                })}
              </p>
            </div>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start lg:justify-end">
              <ResyncButton target={i.reference ? { reference: i.reference } : { issueId: i.id }} />
              <DismissForm issueIds={[i.id]} openLabel={t('dismiss.open')} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
