// Previous / next through a list whose state lives in the URL.
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonClasses } from '@/components/ui/button'
import { ordersListHref, type ListOrdersQuery } from '@/lib/orders/list-orders-query'

export async function Pagination({ query, total, pageCount }: { query: ListOrdersQuery; total: number; pageCount: number }) {
  const t = await getTranslations('orders.list.pagination')
  const { page, pageSize } = query
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
      <p className="text-sm text-slate-700">
        {total === 0 ? t('none') : t('showing', { first, last, total })}
        <span className="text-slate-500"> · {t('page', { page, pageCount })}</span>
      </p>
      <div className="flex gap-2">
        <PageLink href={page > 1 ? ordersListHref({ ...query, page: page - 1 }) : null} label={t('previous')} rel="prev" />
        <PageLink href={page < pageCount ? ordersListHref({ ...query, page: page + 1 }) : null} label={t('next')} rel="next" />
      </div>
    </nav>
  )
}

function PageLink({ href, label, rel }: { href: string | null; label: string; rel: 'prev' | 'next' }) {
  const className = buttonClasses({ variant: 'secondary', size: 'sm' })
  // A disabled link is not a link: render text that says so rather than a dead anchor.
  if (!href) {
    return (
      <span aria-disabled="true" className={className}>
        {label}
      </span>
    )
  }
  return (
    <Link href={href} rel={rel} className={className}>
      {label}
    </Link>
  )
}
