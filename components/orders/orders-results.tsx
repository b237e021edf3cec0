// The list itself: reads one page of the merchant's orders and renders it, or says why empty.
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDateTime, formatMoney } from '@/components/orders/format'
import { BmOrderStateBadge, OrderStatusBadge } from '@/components/orders/order-status-badge'
import { Pagination } from '@/components/orders/pagination'
import { stateLabels } from '@/components/orders/state-labels'
import { Card } from '@/components/ui/card'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { listOrders } from '@/lib/orders/list-orders'
import { ordersListHref, type ListOrdersQuery } from '@/lib/orders/list-orders-query'

export async function OrdersResults({ merchantId, query }: { merchantId: string; query: ListOrdersQuery }) {
  const [{ orders, total, pageCount }, t, format] = await Promise.all([listOrders({ merchantId, ...query }), getTranslations('orders.list'), getFormatter()])

  if (orders.length === 0) return <EmptyState query={query} total={total} />

  return (
    <Card aria-labelledby="orders-results-title">
      <h2 id="orders-results-title" className="sr-only">
        {t('results')}
      </h2>
      <Table label={t('tableLabel')}>
        <THead>
          <Tr>
            <Th>{t('columns.order')}</Th>
            <Th className="hidden sm:table-cell">{t('columns.placed')}</Th>
            <Th className="hidden md:table-cell">{t('columns.shipTo')}</Th>
            <Th className="hidden sm:table-cell text-right">{t('columns.items')}</Th>
            <Th className="text-right">{t('columns.total')}</Th>
            <Th>{t('columns.status')}</Th>
            <Th className="hidden lg:table-cell">{t('columns.bmLastSync')}</Th>
          </Tr>
        </THead>
        <TBody>
          {orders.map((o) => (
            <Tr key={o.reference} className="hover:bg-slate-50">
              <Td>
                <Link
                  href={`/orders/${o.reference}`}
                  className="font-mono font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {o.reference}
                </Link>
                {/* On phones the date rides under the reference instead of taking a column. */}
                <span className="block text-xs whitespace-nowrap text-slate-500 sm:hidden">{formatDateTime(format, o.placedAt)}</span>
              </Td>
              <Td className="hidden whitespace-nowrap text-slate-700 sm:table-cell">{formatDateTime(format, o.placedAt)}</Td>
              <Td className="hidden md:table-cell">
                <span className="block">{o.customerName ?? '—'}</span>
                <span className="block text-xs text-slate-500">{[o.shipToCity, o.shipToCountry].filter(Boolean).join(', ')}</span>
              </Td>
              <Td className="hidden sm:table-cell text-right tabular-nums">{o.lineCount}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(format, o.totalPrice, o.currency)}</Td>
              <Td>
                <OrderStatusBadge status={o.status} />
              </Td>
              <Td className="hidden lg:table-cell">
                <BmOrderStateBadge state={o.bmState} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pagination query={query} total={total} pageCount={pageCount} />
    </Card>
  )
}

async function EmptyState({ query, total }: { query: ListOrdersQuery; total: number }) {
  const [t, states] = await Promise.all([getTranslations('orders.list.empty'), getTranslations('orders.states')])
  const status = query.status ? stateLabels(states).orderStatus(query.status) : undefined
  const filtered = Boolean(query.q || status)
  let message: string
  if (total > 0) message = t('pastEnd', { page: query.page })
  else if (query.q && status) message = t('noMatchBoth', { q: query.q, status })
  else if (query.q) message = t('noMatchQuery', { q: query.q })
  else if (status) message = t('noMatchStatus', { status })
  else message = t('none')

  return (
    <Card className="px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">{message}</h2>
      {total > 0 || filtered ? (
        <p className="mt-2 text-sm text-slate-600">
          <Link href={total > 0 ? ordersListHref({ ...query, page: 1 }) : '/orders'} className="font-medium text-indigo-700 underline underline-offset-2">
            {total > 0 ? t('firstPage') : t('clear')}
          </Link>
        </p>
      ) : null}
    </Card>
  )
}
