// One page of the blocked orders: who, what to fix, and how long is left; or why the list is empty.
import Link from 'next/link'
import { useFormatter, useLocale, useTranslations } from 'next-intl'
import { getTranslations } from 'next-intl/server'
import { DeadlineSummary } from '@/components/errors/deadline-summary'
import { ErrorsPagination } from '@/components/errors/errors-pagination'
import { problemLabel, regionName } from '@/components/errors/issue-text'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ACCEPTANCE_WINDOW_HOURS } from '@/lib/orders/deadlines'
import { listAddressErrors, type AddressErrorSummary } from '@/lib/orders/list-address-errors'
import { addressErrorsHref, type ListAddressErrorsQuery } from '@/lib/orders/list-address-errors-query'

export async function AddressErrorsResults({ merchantId, query }: { merchantId: string; query: ListAddressErrorsQuery }) {
  const [result, t] = await Promise.all([listAddressErrors({ merchantId, ...query }), getTranslations('errors')])
  if (result.orders.length === 0) return <EmptyState query={query} total={result.total} />
  const assumed = result.orders.some((o) => o.deadlines.applies?.source === 'assumed')

  return (
    <Card aria-labelledby="errors-results-title">
      <h2 id="errors-results-title" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-700 sm:px-5">
        {t('list.count', { total: result.total })}
      </h2>
      <ul aria-label={t('list.results')} className="divide-y divide-slate-200">
        {result.orders.map((o) => (
          <Row key={o.reference} order={o} />
        ))}
      </ul>
      {assumed ? <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-600 sm:px-5">{t('deadline.footnote', { hours: ACCEPTANCE_WINDOW_HOURS })}</p> : null}
      <ErrorsPagination query={query} total={result.total} pageSize={result.pageSize} pageCount={result.pageCount} />
    </Card>
  )
}

function Row({ order: o }: { order: AddressErrorSummary }) {
  const t = useTranslations('errors')
  const format = useFormatter()
  const locale = useLocale()
  const problems = [...new Set(o.issues.map((i) => problemLabel(t, i)))]
  const where = [o.city, o.country ? regionName(locale, o.country) : null].filter(Boolean).join(', ')
  return (
    <li className="grid gap-x-6 gap-y-2 px-4 py-4 sm:px-5 md:grid-cols-[9rem_minmax(0,1fr)_13rem_auto] md:items-start">
      <div>
        <Link
          href={`/errors/${o.reference}`}
          className="font-mono font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {o.reference}
        </Link>
        {o.placedAt ? (
          <span className="block text-xs text-slate-500">{t('list.placed', { date: format.dateTime(o.placedAt, { day: 'numeric', month: 'short' }) })}</span>
        ) : null}
      </div>
      <div className="min-w-0">
        <p className="text-sm font-medium break-words text-slate-900">
          {o.buyerName ?? o.company ?? t('list.noBuyer')}
          {where ? <span className="font-normal text-slate-600"> · {where}</span> : null}
        </p>
        <ul className="mt-1.5 flex flex-wrap gap-1.5">
          {o.carrierRejection ? (
            <li>
              <Badge tone="danger">{t('carrier.badge', { carrier: o.carrierRejection.carrier })}</Badge>
            </li>
          ) : null}
          {problems.map((p) => (
            <li key={p}>
              <Badge tone="danger">{p}</Badge>
            </li>
          ))}
        </ul>
        {o.carrierRejection ? <p className="mt-1.5 line-clamp-2 text-sm break-words text-slate-700">“{o.carrierRejection.message}”</p> : null}
      </div>
      <DeadlineSummary deadlines={o.deadlines} />
      <Link href={`/errors/${o.reference}`} className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'justify-self-start' })}>
        {t('list.fix')}
        <span className="sr-only"> · {o.reference}</span>
      </Link>
    </li>
  )
}

async function EmptyState({ query, total }: { query: ListAddressErrorsQuery; total: number }) {
  const t = await getTranslations('errors.list')
  let title: string
  let link: { href: string; label: string } | null = null
  if (total > 0) {
    title = t('pastEnd', { page: query.page })
    link = { href: addressErrorsHref({ ...query, page: 1 }), label: t('firstPage') }
  } else if (query.q) {
    title = t('noMatch', { q: query.q })
    link = { href: '/errors', label: t('clearSearch') }
  } else {
    title = t('empty')
  }
  return (
    <Card className="px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {link ? (
        <p className="mt-2 text-sm text-slate-600">
          <Link href={link.href} className="font-medium text-indigo-700 underline underline-offset-2">
            {link.label}
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t('emptyHint')}</p>
      )}
    </Card>
  )
}
