'use client'
// The banner itself. It starts from the server's read and stays current in the browser: refetched
// every minute and right after anything that changes an issue (re-sync, check again, dismiss).
import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'
import { failedFlowsKey } from '@/lib/sync/connection-health-rules'
import { useConnectionIssues, type ConnectionHealthView } from './api/get-connection-issues'
import { ConnectionBannerToken } from './connection-banner-token'
import { formatClock, formatWhen } from './format-time'

type Props = { initial: ConnectionHealthView; canFix: boolean; staffReadOnly?: boolean; merchantName: string }

export function ConnectionBannerView({ initial, canFix, staffReadOnly = false, merchantName }: Props) {
  const { data } = useConnectionIssues(initial)
  if (!data.showBanner) return null
  // A token refused or missing is said first, with its own cause; the issues follow if any.
  const issues = data.errors.length > 0 || data.impact.openIssues + data.impact.retryingIssues > 0
  return (
    <>
      <ConnectionBannerToken connection={data.connection} canFix={canFix} staffReadOnly={staffReadOnly} merchantName={merchantName} />
      {issues ? <IssuesBanner data={data} /> : null}
    </>
  )
}

function IssuesBanner({ data }: { data: ConnectionHealthView }) {
  const t = useTranslations('connection.banner')
  const format = useFormatter()

  const recovered = data.state === 'recovered'
  const { impact, flows } = data
  const flowKey = failedFlowsKey(flows)
  const facts = recovered
    ? []
    : [
        t('activeIssues', { count: impact.openIssues + impact.retryingIssues }),
        impact.retryingIssues > 0 ? t('retryingIssues', { count: impact.retryingIssues }) : null,
        impact.affectedOrders > 0 ? t('affectedOrders', { count: impact.affectedOrders }) : null,
        impact.affectedSkus > 0 ? t('affectedSkus', { count: impact.affectedSkus }) : null,
        impact.since ? t('since', { at: formatWhen(format, impact.since) }) : null,
        impact.nextRetryAt ? t('nextRetry', { at: formatClock(format, impact.nextRetryAt) }) : t('noRetry'),
      ].filter((f): f is string => f !== null)

  return (
    <section
      role="status"
      aria-labelledby="connection-banner-title"
      className={cn('border-b', recovered ? 'border-emerald-200 bg-emerald-50 text-emerald-950' : 'border-amber-300 bg-amber-100 text-amber-950')}
    >
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-3 sm:px-6 md:flex-row md:items-center md:justify-between lg:px-8">
        <div className="min-w-0 space-y-1 text-sm">
          <h2 id="connection-banner-title" className="flex items-center gap-2 font-semibold">
            <span aria-hidden="true">{recovered ? '✓' : '⚠'}</span>
            {recovered ? t('recoveredTitle') : t('title')}
          </h2>
          {recovered ? (
            <p>
              {impact.recoveredAt ? t('recoveredAt', { at: formatWhen(format, impact.recoveredAt) }) : t('recovered')} {t('recoveredHistory')}
            </p>
          ) : (
            <>
              <p>{flowKey ? t('failedFlows', { flows: t(`flows.${flowKey}`) }) : t('olderIssuesOnly')}</p>
              <ul className="flex flex-wrap gap-x-4 gap-y-1 font-medium" aria-label={t('impact')}>
                {facts.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <Link
          href="/connection-issues"
          className={cn(
            'shrink-0 self-start rounded-md px-3 py-1.5 text-sm font-medium underline-offset-2 ring-1 ring-inset hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 md:self-center',
            recovered ? 'text-emerald-900 ring-emerald-300 focus-visible:outline-emerald-700' : 'bg-white text-amber-950 ring-amber-400 focus-visible:outline-amber-800',
          )}
        >
          {recovered ? t('seeHistory') : t('seeErrors')}
        </Link>
      </div>
    </section>
  )
}
