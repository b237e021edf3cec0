// Previous / next through the blocked orders; the page lives in the URL.
import { useTranslations } from 'next-intl'
import { PageNav } from '@/components/ui/page-nav'
import { addressErrorsHref, type ListAddressErrorsQuery } from '@/lib/orders/list-address-errors-query'

export function ErrorsPagination({ query, total, pageSize, pageCount }: { query: ListAddressErrorsQuery; total: number; pageSize: number; pageCount: number }) {
  const t = useTranslations('errors.list')
  const { page } = query
  const first = (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <PageNav
      label={t('pagination')}
      summary={t('showing', { first, last, total })}
      pageText={t('pageOf', { page, pageCount })}
      previous={{ href: page > 1 ? addressErrorsHref({ ...query, page: page - 1 }) : null, label: t('previous') }}
      next={{ href: page < pageCount ? addressErrorsHref({ ...query, page: page + 1 }) : null, label: t('next') }}
    />
  )
}
