// Dates, money, carrier and sync facts of one order.
import type { ReactNode } from 'react'
import { formatDateTime, formatMoney } from '@/components/orders/format'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { OrderDetail } from '@/lib/orders/get-order-by-reference'

export function OrderSummaryCard({ order }: { order: OrderDetail }) {
  return (
    <Card aria-labelledby="summary-title">
      <CardHeader title="Summary" titleId="summary-title" />
      <CardBody>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Item label="Placed">{formatDateTime(order.placedAt)}</Item>
          <Item label="Dispatch expected by">{formatDateTime(order.expectedDispatchAt)}</Item>
          <Item label="Total">{formatMoney(order.totalPrice, order.currency)}</Item>
          <Item label="Shipping">{formatMoney(order.shippingPrice, order.currency)}</Item>
          <Item label="Carrier">{order.shipper || '—'}</Item>
          <Item label="Tracking">
            {order.trackingNumber ? (
              order.trackingUrl ? (
                <a href={order.trackingUrl} target="_blank" rel="noreferrer" className="font-mono text-indigo-700 underline underline-offset-2">
                  {order.trackingNumber}
                  <span className="sr-only"> (opens the carrier site in a new tab)</span>
                </a>
              ) : (
                <span className="font-mono">{order.trackingNumber}</span>
              )
            ) : (
              'Not shipped yet'
            )}
          </Item>
          <Item label="Market">{order.countryCode ?? '—'}</Item>
          <Item label="Last synced from Back Market">{formatDateTime(order.bmSeenAt)}</Item>
          <Item label="Changed on Back Market">{formatDateTime(order.bmDateModification)}</Item>
        </dl>
      </CardBody>
    </Card>
  )
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{children}</dd>
    </div>
  )
}
