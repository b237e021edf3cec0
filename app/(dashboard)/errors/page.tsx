import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { AddressErrorsResults } from '@/components/errors/address-errors-results'
import { AddressErrorsSkeleton } from '@/components/errors/address-errors-skeleton'
import { ErrorsSearchForm } from '@/components/errors/errors-search-form'
import { requireUser } from '@/lib/auth/require-user'
import { parseAddressErrorsSearchParams } from '@/lib/orders/list-address-errors-query'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.list')
  return { title: t('metaTitle') }
}

export default async function ErrorsPage({ searchParams }: Props) {
  const [user, raw, t] = await Promise.all([requireUser(), searchParams, getTranslations('errors.list')])
  const parsed = parseAddressErrorsSearchParams(raw)
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      </div>

      {parsed.success ? (
        <>
          {/* Keyed by the query so the fields show the URL's values after back/forward navigation. */}
          <ErrorsSearchForm key={`form:${JSON.stringify(parsed.data)}`} values={parsed.data} />
          <Suspense key={`results:${JSON.stringify(parsed.data)}`} fallback={<AddressErrorsSkeleton />}>
            <AddressErrorsResults merchantId={user.merchantId} query={parsed.data} />
          </Suspense>
        </>
      ) : (
        // A hand-edited or stale URL: a bad search goes under its field; a bad page or sort gets a note.
        <>
          <ErrorsSearchForm values={{ q: first(raw.q), sort: first(raw.sort) }} qInvalid={parsed.error.issues.some((i) => i.path[0] === 'q')} />
          {parsed.error.issues.some((i) => i.path[0] !== 'q') ? (
            <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300 ring-inset">
              {t('badQuery')}{' '}
              <Link href="/errors" className="font-medium underline underline-offset-2">
                {t('firstPage')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  )
}
