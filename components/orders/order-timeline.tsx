// The order's timeline (lib/orders/order-timeline.ts): one list, newest first, each entry with
// its time in the reader's zone, who (a person, a key, the worker, the warehouse, Back Market) and what.
import { getFormatter, getTranslations } from 'next-intl/server'
import { AuditDiff } from '@/components/audit/audit-diff'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { AUDIT_ACTIONS } from '@/lib/audit/actions'
import type { TimelineEntry } from '@/lib/orders/order-timeline'

const KNOWN = new Set<string>(AUDIT_ACTIONS)

export async function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, ta, tb, format] = await Promise.all([getTranslations('audit.timeline'), getTranslations('audit.actions'), getTranslations('audit.kindBadge'), getFormatter()])

  function describe(e: TimelineEntry): { who: string; what: string } {
    switch (e.kind) {
      case 'imported':
        return { who: t('byBackMarket'), what: t('imported') }
      case 'warehouse':
        return { who: t('byWarehouse'), what: `${t('warehouse', { type: e.type, state: t(`warehouseStates.${e.state}`) })}${e.outcomeMessage ? ` — ${e.outcomeMessage}` : ''}` }
      case 'sync':
        return { who: t('byWorker'), what: `${t('syncOutcome', { operation: e.operation, outcome: t(`outcomes.${e.outcome}`) })}${e.message ? ` — ${e.message}` : ''}` }
      case 'audit':
        return { who: `${e.actorName} (${tb(e.actorKind)})`, what: KNOWN.has(e.action) ? ta(e.action.replace('.', '_')) : e.action }
      case 'issue_opened':
        return { who: t('byWorker'), what: t('issueOpened', { operation: e.operation, message: e.message }) }
      case 'issue_resolved':
        return { who: t('byWorker'), what: t('issueResolved', { operation: e.operation }) }
      case 'issue_dismissed':
        return { who: '', what: t('issueDismissed', { operation: e.operation, reason: e.reason ?? '' }) }
    }
  }

  return (
    <Card aria-labelledby="order-timeline-title">
      <CardHeader title={t('title')} titleId="order-timeline-title" description={t('intro')} />
      <CardBody>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ol aria-label={t('listLabel')} className="space-y-3 border-l border-slate-200 pl-4">
            {entries.map((e) => {
              const { who, what } = describe(e)
              return (
                <li key={e.id} className="relative">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-indigo-500" />
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
                    <time dateTime={e.at} className="whitespace-nowrap text-slate-600">
                      {format.dateTime(new Date(e.at), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' })}
                    </time>
                    <span className="font-medium break-words text-slate-900">{what}</span>
                    {who ? <span className="text-slate-600">— {who}</span> : null}
                  </div>
                  {e.kind === 'audit' && (e.before !== null || e.after !== null) ? (
                    <div className="mt-1">
                      <AuditDiff before={e.before} after={e.after} />
                    </div>
                  ) : null}
                </li>
              )
            })}
          </ol>
        )}
      </CardBody>
    </Card>
  )
}
