// The products of an order: our warehouse SKU beside Back Market's (the orderline `listing`).
// They start equal; a rename on our side makes Back Market refuse our updates for that line,
// so a mismatch is highlighted here, where the merchant looks.
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatMoney, type Formatter } from '@/components/orders/format'
import { BmLineStateBadge } from '@/components/orders/order-status-badge'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import type { OrderLineView } from '@/lib/orders/get-order-by-reference'

type T = Awaited<ReturnType<typeof getTranslations<'orders.order'>>>

export async function OrderLinesTable({ lines, currency }: { lines: OrderLineView[]; currency: string | null }) {
  const [t, format] = await Promise.all([getTranslations('orders.order'), getFormatter()])
  const mismatches = lines.filter((l) => l.sku !== l.listing).length
  return (
    <Card aria-labelledby="lines-title">
      <CardHeader
        title={t('lines.title')}
        titleId="lines-title"
        description={mismatches ? t('lines.mismatches', { mismatches, total: lines.length }) : t('lines.count', { count: lines.length })}
      />
      {/* Phones get one block per line so both SKUs are visible without sideways scrolling. */}
      <ul className="divide-y divide-slate-200 sm:hidden">
        {lines.map((l) => (
          <LineCard key={l.bmOrderlineId} line={l} currency={currency} t={t} format={format} />
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table label={t('lines.tableLabel')}>
          <THead>
            <Tr>
              <Th>{t('lines.columns.product')}</Th>
              <Th>{t('lines.columns.ourSku')}</Th>
              <Th>{t('lines.columns.bmSku')}</Th>
              <Th className="text-right">{t('lines.columns.quantity')}</Th>
              <Th className="text-right">{t('lines.columns.price')}</Th>
              <Th>{t('lines.columns.state')}</Th>
            </Tr>
          </THead>
          <TBody>
            {lines.map((l) => {
              const differs = l.sku !== l.listing
              return (
                <Tr key={l.bmOrderlineId}>
                  <Td className="min-w-44">
                    <span className="block font-medium text-slate-900">{l.productTitle}</span>
                    <span className="block text-xs text-slate-500">{t('orderline', { id: l.bmOrderlineId })}</span>
                  </Td>
                  <Td className={cn('font-mono text-xs whitespace-nowrap', differs && 'bg-amber-50')}>
                    {l.sku}
                    {differs ? (
                      <span className="mt-1 block font-sans">
                        <Badge tone="warning">{t('lines.differs')}</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className={cn('font-mono text-xs whitespace-nowrap', differs && 'bg-amber-50')}>{l.listing}</Td>
                  <Td className="text-right tabular-nums">{l.quantity}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(format, l.price, currency)}</Td>
                  <Td>
                    <BmLineStateBadge state={l.bmState} />
                  </Td>
                </Tr>
              )
            })}
          </TBody>
        </Table>
      </div>
    </Card>
  )
}

function LineCard({ line: l, currency, t, format }: { line: OrderLineView; currency: string | null; t: T; format: Formatter }) {
  const differs = l.sku !== l.listing
  return (
    <li className="px-4 py-3 text-sm">
      <p className="font-medium text-slate-900">{l.productTitle}</p>
      <p className="text-xs text-slate-500">{t('orderline', { id: l.bmOrderlineId })}</p>
      <dl className={cn('mt-2 grid grid-cols-[8.5rem_1fr] gap-x-3 gap-y-1 rounded-md', differs && 'bg-amber-50 p-2 ring-1 ring-amber-300 ring-inset')}>
        <dt className="text-slate-600">{t('lines.columns.ourSku')}</dt>
        <dd className="font-mono text-xs break-all">{l.sku}</dd>
        <dt className="text-slate-600">{t('lines.columns.bmSku')}</dt>
        <dd className="font-mono text-xs break-all">{l.listing}</dd>
        {differs ? <dd className="col-span-2 text-xs font-semibold text-amber-900">{t('lines.skusDiffer')}</dd> : null}
      </dl>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
        <span>{t('lines.quantity', { quantity: l.quantity })}</span>
        <span>{formatMoney(format, l.price, currency)}</span>
        <BmLineStateBadge state={l.bmState} />
      </p>
    </li>
  )
}
