import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { BackMarketLivePanel } from '@/components/orders/backmarket-live-panel'
import { OrderAddressesCard } from '@/components/orders/order-addresses-card'
import { OrderLinesTable } from '@/components/orders/order-lines-table'
import { BmOrderStateBadge, OrderStatusBadge } from '@/components/orders/order-status-badge'
import { OrderSummaryCard } from '@/components/orders/order-summary-card'
import { OrderTimeline } from '@/components/orders/order-timeline'
import { ResyncButton } from '@/components/sync/resync-button'
import { requireUser } from '@/lib/auth/require-user'
import { AppError } from '@/lib/errors'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'
import { getOrderTimeline } from '@/lib/orders/order-timeline'

type Props = { params: Promise<{ reference: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ reference }, t] = await Promise.all([params, getTranslations('orders.order')])
  return { title: t('metaTitle', { reference }) }
}

export default async function OrderPage({ params }: Props) {
  const [user, { reference }, t] = await Promise.all([requireUser(), params, getTranslations('orders.order')])
  const [order, timeline] = await Promise.all([
    getOrderByReferenceOrThrow({ merchantId: user.merchantId, reference }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') notFound()
      throw err
    }),
    getOrderTimeline({ merchantId: user.merchantId, reference }),
  ])

  return (
    <div className="space-y-6">
      <div>
        <Link href="/orders" className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
          <span aria-hidden="true">← </span>
          {t('back')}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-2xl font-semibold text-slate-900">
            {t.rich('title', { reference: order.reference, ref: (chunks) => <span className="font-mono">{chunks}</span> })}
          </h1>
          <OrderStatusBadge status={order.status} />
          <span className="text-sm text-slate-600">
            {t('bmLastSync')} <BmOrderStateBadge state={order.bmState} />
          </span>
        </div>
        <div className="mt-3"><ResyncButton target={{ reference: order.reference }} /></div>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <OrderSummaryCard order={order} />
        <OrderAddressesCard original={order.addresses.original} current={order.addresses.current} />
      </div>

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <OrderLinesTable lines={order.lines} currency={order.currency} />
        <BackMarketLivePanel reference={order.reference} />
      </div>

      <OrderTimeline entries={timeline} />
    </div>
  )
}
