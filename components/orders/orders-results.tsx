// The list itself: reads one page of the merchant's orders and renders it, or says why empty.
import Link from 'next/link'
import { formatDateTime, formatMoney } from '@/components/orders/format'
import { BmOrderStateBadge, OrderStatusBadge } from '@/components/orders/order-status-badge'
import { Pagination } from '@/components/orders/pagination'
import { Card } from '@/components/ui/card'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { listOrders } from '@/lib/orders/list-orders'
import { ordersListHref, type ListOrdersQuery } from '@/lib/orders/list-orders-query'
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-states'

export async function OrdersResults({ merchantId, query }: { merchantId: string; query: ListOrdersQuery }) {
  const { orders, total, pageCount } = await listOrders({ merchantId, ...query })

  if (orders.length === 0) return <EmptyState query={query} total={total} />

  return (
    <Card aria-labelledby="orders-results-title">
      <h2 id="orders-results-title" className="sr-only">
        Results
      </h2>
      <Table label="Orders">
        <THead>
          <Tr>
            <Th>Order</Th>
            <Th className="hidden sm:table-cell">Placed</Th>
            <Th className="hidden md:table-cell">Ship to</Th>
            <Th className="hidden sm:table-cell text-right">Items</Th>
            <Th className="text-right">Total</Th>
            <Th>Status</Th>
            <Th className="hidden lg:table-cell">Back Market (last sync)</Th>
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
                <span className="block text-xs whitespace-nowrap text-slate-500 sm:hidden">{formatDateTime(o.placedAt)}</span>
              </Td>
              <Td className="hidden whitespace-nowrap text-slate-700 sm:table-cell">{formatDateTime(o.placedAt)}</Td>
              <Td className="hidden md:table-cell">
                <span className="block">{o.customerName ?? '—'}</span>
                <span className="block text-xs text-slate-500">{[o.shipToCity, o.shipToCountry].filter(Boolean).join(', ')}</span>
              </Td>
              <Td className="hidden sm:table-cell text-right tabular-nums">{o.lineCount}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(o.totalPrice, o.currency)}</Td>
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

function EmptyState({ query, total }: { query: ListOrdersQuery; total: number }) {
  const filters = [query.q ? `“${query.q}”` : null, query.status ? `status ${ORDER_STATUS_LABELS[query.status]}` : null].filter(Boolean)
  let message: string
  if (total > 0) message = `Page ${query.page} is past the end of the results.`
  else if (filters.length) message = `No orders match ${filters.join(' with ')}.`
  else message = 'No orders yet. Orders appear here once they are imported from Back Market.'

  return (
    <Card className="px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">{message}</h2>
      {total > 0 || filters.length ? (
        <p className="mt-2 text-sm text-slate-600">
          <Link href={total > 0 ? ordersListHref({ ...query, page: 1 }) : '/orders'} className="font-medium text-indigo-700 underline underline-offset-2">
            {total > 0 ? 'Go to the first page' : 'Clear the search and filters'}
          </Link>
        </p>
      ) : null}
    </Card>
  )
}
