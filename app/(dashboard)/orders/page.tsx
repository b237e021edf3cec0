import type { Metadata } from 'next'
import Link from 'next/link'
import { Suspense } from 'react'
import { OrdersResults } from '@/components/orders/orders-results'
import { OrdersSearchForm } from '@/components/orders/orders-search-form'
import { OrdersTableSkeleton } from '@/components/orders/orders-table-skeleton'
import { requireUser } from '@/lib/auth/require-user'
import { parseListOrdersSearchParams } from '@/lib/orders/list-orders-query'

export const metadata: Metadata = { title: 'Orders' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OrdersPage({ searchParams }: Props) {
  const [user, raw] = await Promise.all([requireUser(), searchParams])
  const parsed = parseListOrdersSearchParams(raw)

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Orders</h1>
        <p className="mt-1 text-sm text-slate-600">Back Market orders in our warehouse, newest first.</p>
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

type Issue = { path: PropertyKey[]; message: string }

// A hand-edited or stale URL: search mistakes go under their field; a bad page number, which
// no field shows, gets a note and a way back to a valid list.
function InvalidQuery({ raw, issues }: { raw: Record<string, string | string[] | undefined>; issues: Issue[] }) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const errors: { q?: string[]; status?: string[] } = {}
  let badPaging = false
  for (const issue of issues) {
    const field = issue.path[0]
    if (field === 'q' || field === 'status') (errors[field] ??= []).push(issue.message)
    else badPaging = true
  }
  return (
    <>
      <OrdersSearchForm values={{ q: first(raw.q), status: first(raw.status) }} errors={errors} />
      {badPaging ? (
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300 ring-inset">
          This link has an invalid page number or page size.{' '}
          <Link href="/orders" className="font-medium underline underline-offset-2">
            Show the first page of orders
          </Link>
        </p>
      ) : null}
    </>
  )
}
