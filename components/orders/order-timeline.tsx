// The order's timeline (lib/orders/order-timeline.ts): one list, newest first, each entry with
// its time in the reader's zone, who (a person, a key, the worker, the warehouse, Back Market) and what.
import { getFormatter, getTranslations } from 'next-intl/server'
import { AuditDiff } from '@/components/audit/audit-diff'
import { formatWhenToSecond } from '@/components/sync/format-time'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { AUDIT_ACTIONS } from '@/lib/audit/actions'
import type { TimelineEntry } from '@/lib/orders/order-timeline'

const KNOWN = new Set<string>(AUDIT_ACTIONS)

export async function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, ta, tb, format] = await Promise.all([getTranslations('audit'), getTranslations('audit.actions'), getTranslations('audit.kindBadge'), getFormatter()])

  const operation = (op: string) => t(`operations.${op}`)
  // The warehouse's event types by name ('order.shipped' → "order shipped"); a type added later shows as sent.
  const eventType = (type: string) => (t.has(`timeline.warehouseTypes.${type.replace('.', '_')}`) ? t(`timeline.warehouseTypes.${type.replace('.', '_')}`) : type)

  function describe(e: TimelineEntry): { who: string; what: string } {
    switch (e.kind) {
      case 'imported':
        return { who: t('timeline.byBackMarket'), what: t('timeline.imported') }
      case 'warehouse':
        return { who: t('timeline.byWarehouse'), what: `${t('timeline.warehouse', { type: eventType(e.type), state: t(`timeline.warehouseStates.${e.state}`) })}${e.outcomeMessage ? ` — ${e.outcomeMessage}` : ''}` }
      case 'sync':
        return { who: t('timeline.byWorker'), what: `${t('timeline.syncOutcome', { operation: operation(e.operation), outcome: t(`timeline.outcomes.${e.outcome}`) })}${e.message ? ` — ${e.message}` : ''}` }
      case 'audit':
        return { who: `${e.actorName} (${tb(e.actorKind)})`, what: KNOWN.has(e.action) ? ta(e.action.replace('.', '_')) : e.action }
      case 'issue_opened':
        return { who: t('timeline.byWorker'), what: t('timeline.issueOpened', { operation: operation(e.operation), message: e.message }) }
      case 'issue_resolved':
        return { who: t('timeline.byWorker'), what: t('timeline.issueResolved', { operation: operation(e.operation) }) }
    }
  }

  return (
    <Card aria-labelledby="order-timeline-title">
      <CardHeader title={t('timeline.title')} titleId="order-timeline-title" description={t('timeline.intro')} />
      <CardBody>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t('timeline.empty')}</p>
        ) : (
          <ol aria-label={t('timeline.listLabel')} className="space-y-3 border-l border-slate-200 pl-4">
            {entries.map((e) => {
              const { who, what } = describe(e)
              return (
                <li key={e.id} className="relative min-w-0">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-indigo-500" />
                  <div className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
                    <time dateTime={e.at} className="whitespace-nowrap text-slate-600">
                      {formatWhenToSecond(format, e.at)}
                    </time>
                    <span className="min-w-0 font-medium wrap-anywhere text-slate-900">{what}</span>
                    {who ? <span className="min-w-0 wrap-anywhere text-slate-600">— {who}</span> : null}
                  </div>
                  {e.kind === 'audit' && (e.before !== null || e.after !== null) ? (
                    <div className="mt-1 min-w-0">
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
