// Dates, money, carrier and sync facts of one order.
import type { ReactNode } from 'react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDateTime, formatMoney } from '@/components/orders/format'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { OrderDetail } from '@/lib/orders/get-order-by-reference'

export async function OrderSummaryCard({ order }: { order: OrderDetail }) {
  const [t, format] = await Promise.all([getTranslations('orders.order.summary'), getFormatter()])
  return (
    <Card aria-labelledby="summary-title">
      <CardHeader title={t('title')} titleId="summary-title" />
      <CardBody>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Item label={t('placed')}>{formatDateTime(format, order.placedAt)}</Item>
          <Item label={t('dispatchBy')}>{formatDateTime(format, order.expectedDispatchAt)}</Item>
          <Item label={t('total')}>{formatMoney(format, order.totalPrice, order.currency)}</Item>
          <Item label={t('shipping')}>{formatMoney(format, order.shippingPrice, order.currency)}</Item>
          <Item label={t('carrier')}>{order.shipper || '—'}</Item>
          <Item label={t('tracking')}>
            {order.trackingNumber ? (
              order.trackingUrl ? (
                <a href={order.trackingUrl} target="_blank" rel="noreferrer" className="font-mono text-indigo-700 underline underline-offset-2">
                  {order.trackingNumber}
                  <span className="sr-only"> {t('opensCarrierSite')}</span>
                </a>
              ) : (
                <span className="font-mono">{order.trackingNumber}</span>
              )
            ) : (
              t('notShipped')
            )}
          </Item>
          <Item label={t('market')}>{order.countryCode ?? '—'}</Item>
          <Item label={t('lastSynced')}>{formatDateTime(format, order.bmSeenAt)}</Item>
          <Item label={t('changedOnBm')}>{formatDateTime(format, order.bmDateModification)}</Item>
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
