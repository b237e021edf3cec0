// Renders the comparison computed on the server (lib/orders/compare-with-backmarket): Back
// Market's values, and ours wherever they differ, marked in text as well as colour.
import type { ReactNode } from 'react'
import { formatDateTime } from '@/components/orders/format'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { BackMarketLiveView } from '@/lib/orders/backmarket-live-view'
import type { LineComparison } from '@/lib/orders/compare-with-backmarket'
import { bmOrderlineStateLabel, bmOrderStateLabel } from '@/lib/orders/order-states'

export function BackMarketComparison({ view }: { view: BackMarketLiveView }) {
  const { comparison, backMarket } = view
  const n = comparison.differenceCount
  return (
    <div className="space-y-4 text-sm">
      <p className={cn('rounded-md px-3 py-2 font-medium ring-1 ring-inset', n ? 'bg-amber-50 text-amber-900 ring-amber-300' : 'bg-emerald-50 text-emerald-900 ring-emerald-200')}>
        {n ? `${n} ${n === 1 ? 'difference' : 'differences'} with our data` : 'Matches our data'}
      </p>

      <dl className="space-y-2">
        <Row label="Order state" differs={comparison.orderState.differs} ours={bmOrderStateLabel(comparison.orderState.ours)}>
          {bmOrderStateLabel(backMarket.state)}
        </Row>
        <Row label="Changed on Back Market">
          <time dateTime={backMarket.dateModification}>{formatDateTime(backMarket.dateModification)}</time>
        </Row>
      </dl>

      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Lines</h3>
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
  const d = new Set(line.differences)
  const { ours, backMarket: bm } = line
  return (
    <li className={cn('rounded-md p-3 ring-1 ring-inset', d.size ? 'ring-amber-300' : 'ring-slate-200')}>
      <p className="font-medium text-slate-900">{line.productTitle ?? 'Unnamed product'}</p>
      <p className="text-xs text-slate-500">Orderline {line.orderlineId}</p>
      {!bm ? (
        <Badge tone="warning" className="mt-2">
          Not on Back Market&apos;s order
        </Badge>
      ) : (
        <dl className="mt-2 space-y-1.5">
          {!ours ? (
            <Badge tone="warning">Not in our copy of the order</Badge>
          ) : null}
          <Row label="SKU" differs={d.has('sku') || d.has('listing')} ours={skuNote(line)} mono>
            {bm.listing}
          </Row>
          <Row label="State" differs={d.has('state')} ours={ours ? bmOrderlineStateLabel(ours.state) : undefined}>
            {bmOrderlineStateLabel(bm.state)}
          </Row>
          <Row label="Quantity" differs={d.has('quantity')} ours={ours ? String(ours.quantity) : undefined}>
            {bm.quantity}
          </Row>
        </dl>
      )}
    </li>
  )
}

function skuNote(line: LineComparison): string | undefined {
  const { ours } = line
  if (!ours) return undefined
  const d = new Set(line.differences)
  const notes: string[] = []
  if (d.has('sku')) notes.push(ours.sku)
  if (d.has('listing') && ours.listing !== ours.sku) notes.push(`recorded at import as ${ours.listing}`)
  return notes.join('; ') || undefined
}

function Row({ label, children, differs, ours, mono }: { label: string; children: ReactNode; differs?: boolean; ours?: string; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-x-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className={cn('min-w-0 break-words', differs && 'rounded-sm bg-amber-50 px-1 -mx-1')}>
        <span className={cn('text-slate-900', mono && 'font-mono text-xs')}>{children}</span>
        {differs && ours ? (
          <span className="block text-xs text-amber-900">
            <span className="font-semibold">Differs</span> — ours: {ours}
          </span>
        ) : null}
      </dd>
    </div>
  )
}
