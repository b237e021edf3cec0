// Both of Back Market's cut-offs for one blocked order, the one that applies now marked, each
// with when it falls and where it comes from (the acceptance one is our assumption).
import { useFormatter, useTranslations } from 'next-intl'
import { CUTOFF_DATE, deadlineHeadline, sourceText } from '@/components/errors/deadline-summary'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import type { Cutoff, OrderDeadlines } from '@/lib/orders/deadlines'

export function DeadlinePanel({ deadlines }: { deadlines: OrderDeadlines }) {
  const t = useTranslations('errors.deadline')
  const tone = deadlines.urgency === 'overdue' ? 'text-red-800' : deadlines.urgency === 'due_soon' ? 'text-amber-900' : 'text-slate-900'
  return (
    <Card aria-labelledby="deadline-title">
      <CardHeader title={t('panelTitle')} titleId="deadline-title" description={<span className={cn('font-medium', tone)}>{deadlineHeadline(t, deadlines)}</span>} />
      <CardBody>
        <dl className="space-y-3 text-sm">
          <Row
            label={t('acceptance')}
            cutoff={deadlines.awaitingAcceptance ? deadlines.acceptance : null}
            applies={deadlines.applies}
            empty={deadlines.awaitingAcceptance ? t('notKnown') : t('alreadyAccepted')}
          />
          <Row label={t('shipping')} cutoff={deadlines.shipping} applies={deadlines.applies} empty={t('notKnown')} />
        </dl>
      </CardBody>
    </Card>
  )
}

function Row({ label, cutoff, applies, empty }: { label: string; cutoff: Cutoff | null; applies: Cutoff | null; empty: string }) {
  const t = useTranslations('errors.deadline')
  const format = useFormatter()
  return (
    <div>
      <dt className="font-medium text-slate-800">
        {label}
        {cutoff && cutoff.kind === applies?.kind ? <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800">{t('appliesNow')}</span> : null}
      </dt>
      <dd className="mt-0.5 text-slate-700">
        {cutoff ? (
          <>
            <time dateTime={new Date(cutoff.at).toISOString()}>{t('by', { date: format.dateTime(new Date(cutoff.at), CUTOFF_DATE) })}</time>
            <span className="block text-xs text-slate-600">{sourceText(t, cutoff)}</span>
          </>
        ) : (
          empty
        )}
      </dd>
    </div>
  )
}
