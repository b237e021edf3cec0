// Renders the comparison computed on the server (lib/orders/compare-with-backmarket): Back
// Market's values, and ours wherever they differ, marked in text as well as colour.
import { useFormatter, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { formatDateTime } from '@/components/orders/format'
import { stateLabels } from '@/components/orders/state-labels'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { BackMarketLiveView } from '@/lib/orders/backmarket-live-view'
import type { LineComparison } from '@/lib/orders/compare-with-backmarket'

export function BackMarketComparison({ view }: { view: BackMarketLiveView }) {
  const t = useTranslations('orders.order.comparison')
  const format = useFormatter()
  const labels = stateLabels(useTranslations('orders.states'))
  const { comparison, backMarket } = view
  const n = comparison.differenceCount
  return (
    <div className="space-y-4 text-sm">
      <p className={cn('rounded-md px-3 py-2 font-medium ring-1 ring-inset', n ? 'bg-amber-50 text-amber-900 ring-amber-300' : 'bg-emerald-50 text-emerald-900 ring-emerald-200')}>
        {n ? t('differences', { count: n }) : t('matches')}
      </p>

      <dl className="space-y-2">
        <Row label={t('orderState')} differs={comparison.orderState.differs} ours={labels.bmOrderState(comparison.orderState.ours)}>
          {labels.bmOrderState(backMarket.state)}
        </Row>
        <Row label={t('changedOnBm')}>
          <time dateTime={backMarket.dateModification}>{formatDateTime(format, backMarket.dateModification)}</time>
        </Row>
      </dl>

      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t('lines')}</h3>
        <ul className="mt-2 space-y-3">
          {comparison.lines.map((line) => (
            <LineItem key={line.orderlineId} line={line} />
          ))}
        </ul>
      </div>
    </div>
  )
}

function LineItem({ line }: { line: LineComparison }) {
  const t = useTranslations('orders.order')
  const labels = stateLabels(useTranslations('orders.states'))
  const d = new Set(line.differences)
  const { ours, backMarket: bm } = line
  return (
    <li className={cn('rounded-md p-3 ring-1 ring-inset', d.size ? 'ring-amber-300' : 'ring-slate-200')}>
      <p className="font-medium text-slate-900">{line.productTitle ?? t('comparison.unnamedProduct')}</p>
      <p className="text-xs text-slate-500">{t('orderline', { id: line.orderlineId })}</p>
      {!bm ? (
        <Badge tone="warning" className="mt-2">
          {t('comparison.notOnBm')}
        </Badge>
      ) : (
        <>
          {/* Outside the list: a <dl> holds only term/definition groups. */}
          {!ours ? (
            <Badge tone="warning" className="mt-2">
              {t('comparison.notOurs')}
            </Badge>
          ) : null}
          <dl className="mt-2 space-y-1.5">
            <Row label={t('comparison.sku')} differs={d.has('sku') || d.has('listing')} ours={skuNote(line, (listing) => t('comparison.recordedAtImport', { listing }))} mono>
              {bm.listing}
            </Row>
            <Row label={t('comparison.state')} differs={d.has('state')} ours={ours ? labels.bmLineState(ours.state) : undefined}>
              {labels.bmLineState(bm.state)}
            </Row>
            <Row label={t('comparison.quantity')} differs={d.has('quantity')} ours={ours ? String(ours.quantity) : undefined}>
              {bm.quantity}
            </Row>
          </dl>
        </>
      )}
    </li>
  )
}

function skuNote(line: LineComparison, recordedAtImport: (listing: string) => string): string | undefined {
  const { ours } = line
  if (!ours) return undefined
  const d = new Set(line.differences)
  const notes: string[] = []
  if (d.has('sku')) notes.push(ours.sku)
  if (d.has('listing') && ours.listing !== ours.sku) notes.push(recordedAtImport(ours.listing))
  return notes.join('; ') || undefined
}

function Row({ label, children, differs, ours, mono }: { label: string; children: ReactNode; differs?: boolean; ours?: string; mono?: boolean }) {
  const t = useTranslations('orders.order.comparison')
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-x-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className={cn('min-w-0 break-words', differs && 'rounded-sm bg-amber-50 px-1 -mx-1')}>
        <span className={cn('text-slate-900', mono && 'font-mono text-xs')}>{children}</span>
        {differs && ours ? (
          <span className="block text-xs text-amber-900">
            {t.rich('differs', { value: ours, strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
          </span>
        ) : null}
      </dd>
    </div>
  )
}
