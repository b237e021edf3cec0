// Previous / next through the blocked orders; the page lives in the URL.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { buttonClasses } from '@/components/ui/button'
import { addressErrorsHref, type ListAddressErrorsQuery } from '@/lib/orders/list-address-errors-query'

export function ErrorsPagination({ query, total, pageSize, pageCount }: { query: ListAddressErrorsQuery; total: number; pageSize: number; pageCount: number }) {
  const t = useTranslations('errors.list')
  const { page } = query
  const first = (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
      <p className="text-sm text-slate-700">
        {t('showing', { first, last, total })}
        <span className="text-slate-500"> · {t('pageOf', { page, pageCount })}</span>
      </p>
      <div className="flex gap-2">
        <PageLink href={page > 1 ? addressErrorsHref({ ...query, page: page - 1 }) : null} label={t('previous')} rel="prev" />
        <PageLink href={page < pageCount ? addressErrorsHref({ ...query, page: page + 1 }) : null} label={t('next')} rel="next" />
      </div>
    </nav>
  )
}

function PageLink({ href, label, rel }: { href: string | null; label: string; rel: 'prev' | 'next' }) {
  const className = buttonClasses({ variant: 'secondary', size: 'sm' })
  // A disabled link is not a link: text that says so rather than a dead anchor.
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
