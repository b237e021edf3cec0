// The cut-off that applies to a blocked order, as time left ("Accept within 5 h", "Shipping
// overdue by 2 h"), with when it falls and where it comes from. No hooks but next-intl's, so it
// renders on the server (the list) as well as in the browser.
import { useFormatter, useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'
import type { Cutoff, OrderDeadlines } from '@/lib/orders/deadlines'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

type DeadlineT = ReturnType<typeof useTranslations<'errors.deadline'>>

/** Minutes under an hour, hours under two days, then days; rounded down, never "0". */
export function durationText(t: DeadlineT, ms: number): string {
  const abs = Math.abs(ms)
  if (abs < HOUR) return t('minutes', { n: Math.max(1, Math.floor(abs / MINUTE)) })
  if (abs < 48 * HOUR) return t('hours', { n: Math.floor(abs / HOUR) })
  return t('days', { n: Math.floor(abs / (24 * HOUR)) })
}

export function deadlineHeadline(t: DeadlineT, d: OrderDeadlines): string {
  if (!d.applies || d.msLeft === null) return t('unknown')
  const duration = durationText(t, d.msLeft)
  if (d.applies.kind === 'acceptance') return d.msLeft < 0 ? t('acceptOverdue', { duration }) : t('acceptWithin', { duration })
  return d.msLeft < 0 ? t('shipOverdue', { duration }) : t('shipWithin', { duration })
}

export function sourceText(t: DeadlineT, c: Cutoff): string {
  if (c.source === 'assumed') return t('source.assumed', { hours: c.hours, from: c.from })
  if (c.source === 'shipping_delay') return t('source.shipping_delay', { hours: c.hours })
  return t('source.expected_dispatch_date')
}

// In the reader's zone (next-intl's), named: a cutoff is a time of day someone acts before.
export const CUTOFF_DATE = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const

const TONE = { overdue: 'text-red-800', due_soon: 'text-amber-900', upcoming: 'text-slate-900', unknown: 'text-slate-600' } as const

export function DeadlineSummary({ deadlines, className }: { deadlines: OrderDeadlines; className?: string }) {
  const t = useTranslations('errors.deadline')
  const format = useFormatter()
  const { applies } = deadlines
  return (
    <div className={cn('text-sm', className)}>
      <p className={cn('font-medium', TONE[deadlines.urgency])}>{deadlineHeadline(t, deadlines)}</p>
      {applies ? (
        <p className="text-xs text-slate-600" title={sourceText(t, applies)}>
          <time dateTime={new Date(applies.at).toISOString()}>{t('by', { date: format.dateTime(new Date(applies.at), CUTOFF_DATE) })}</time>
          {' · '}
          {t(`sourceShort.${applies.source}`)}
        </p>
      ) : null}
    </div>
  )
}
