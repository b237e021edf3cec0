import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { OrdersResults } from '@/components/orders/orders-results'
import { OrdersSearchForm } from '@/components/orders/orders-search-form'
import { OrdersTableSkeleton } from '@/components/orders/orders-table-skeleton'
import { requireUser } from '@/lib/auth/require-user'
import { parseListOrdersSearchParams } from '@/lib/orders/list-orders-query'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('orders.list')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OrdersPage({ searchParams }: Props) {
  const [user, raw, t] = await Promise.all([requireUser(), searchParams, getTranslations('orders.list')])
  const parsed = parseListOrdersSearchParams(raw)

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('description')}</p>
      </div>

      {parsed.success ? (
        <>
          {/* Keyed by the query so the fields show the URL's values after back/forward navigation. */}
          <OrdersSearchForm key={`form:${JSON.stringify(parsed.data)}`} values={parsed.data} />
          <Suspense key={`results:${JSON.stringify(parsed.data)}`} fallback={<OrdersTableSkeleton />}>
            <OrdersResults merchantId={user.merchantId} query={parsed.data} />
          </Suspense>
        </>
      ) : (
        <InvalidQuery raw={raw} issues={parsed.error.issues} />
      )}
    </div>
  )
}

type Issue = { path: PropertyKey[] }

// A hand-edited or stale URL: search mistakes go under their field (each field fails one way, so
// the field names the message); a bad page number, which no field shows, gets a note and a way
// back to a valid list.
async function InvalidQuery({ raw, issues }: { raw: Record<string, string | string[] | undefined>; issues: Issue[] }) {
  const t = await getTranslations('orders')
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const fields = new Set(issues.map((issue) => issue.path[0]))
  const errors = {
    q: fields.has('q') ? [t('search.errors.reference')] : undefined,
    status: fields.has('status') ? [t('search.errors.status')] : undefined,
  }
  const badPaging = [...fields].some((f) => f !== 'q' && f !== 'status')
  return (
    <>
      <OrdersSearchForm values={{ q: first(raw.q), status: first(raw.status) }} errors={errors} />
      {badPaging ? (
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300 ring-inset">
          {t('list.invalidPaging')}{' '}
          <Link href="/orders" className="font-medium underline underline-offset-2">
            {t('list.showFirstPage')}
          </Link>
        </p>
      ) : null}
    </>
  )
}
