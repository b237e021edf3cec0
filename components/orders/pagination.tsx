// Previous / next through the orders list; the page lives in the URL.
import { getTranslations } from 'next-intl/server'
import { PageNav } from '@/components/ui/page-nav'
import { ordersListHref, type ListOrdersQuery } from '@/lib/orders/list-orders-query'

export async function Pagination({ query, total, pageCount }: { query: ListOrdersQuery; total: number; pageCount: number }) {
  const t = await getTranslations('orders.list.pagination')
  const { page, pageSize } = query
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <PageNav
      label={t('label')}
      summary={total === 0 ? t('none') : t('showing', { first, last, total })}
      pageText={t('page', { page, pageCount })}
      previous={{ href: page > 1 ? ordersListHref({ ...query, page: page - 1 }) : null, label: t('previous') }}
      next={{ href: page < pageCount ? ordersListHref({ ...query, page: page + 1 }) : null, label: t('next') }}
    />
  )
}
