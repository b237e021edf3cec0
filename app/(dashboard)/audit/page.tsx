import type { Metadata } from 'next'
import Link from 'next/link'
import { getTimeZone, getTranslations } from 'next-intl/server'
import { AuditFiltersForm, type AuditFilterValues } from '@/components/audit/audit-filters-form'
import { AuditTable } from '@/components/audit/audit-table'
import { buttonClasses } from '@/components/ui/button'
import { auditFilterErrors, AuditFilterSchema } from '@/lib/audit/audit-filters'
import { listAuditActors } from '@/lib/audit/list-audit-actors'
import { listAuditEvents } from '@/lib/audit/list-audit-events'
import { requireUser } from '@/lib/auth/require-user'
import { AppError } from '@/lib/errors'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit.page')
  return { title: t('metaTitle') }
}

const FILTER_KEYS = ['who', 'action', 'reference', 'from', 'to'] as const

export default async function AuditPage({ searchParams }: Props) {
  // One zone for the day filters, the label and the times: next-intl's (the bm_tz cookie), which the table formats with.
  const [user, raw, t, timeZone] = await Promise.all([requireUser('administer'), searchParams, getTranslations('audit.page'), getTimeZone()])
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const values: AuditFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, first(raw[k])]).filter(([, v]) => v))
  const query = new URLSearchParams(values as Record<string, string>)
  const parsed = AuditFilterSchema.safeParse(values)
  const cursor = first(raw.cursor)
  // Which page this is, for the screen-reader status only: the cursor says where, not how far.
  const pageNumber = cursor && /^\d{1,6}$/.test(first(raw.page) ?? '') ? Math.max(1, Number(first(raw.page))) : 1

  const [actors, page] = await Promise.all([
    listAuditActors({ merchantId: user.merchantId }),
    parsed.success
      ? listAuditEvents({ merchantId: user.merchantId, filter: parsed.data, timeZone, cursor }).catch((err: unknown) => {
          // A hand-edited cursor: start again from the newest rather than fail the page.
          if (err instanceof AppError && err.code === 'bad_request') return null
          throw err
        })
      : null,
  ])
  const nextQuery = page?.nextCursor ? new URLSearchParams({ ...values, cursor: page.nextCursor, page: String(pageNumber + 1) } as Record<string, string>) : null

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
        <p className="mt-1 text-xs text-slate-500">{t('zone', { zone: timeZone })}</p>
      </div>
      <AuditFiltersForm key={query.toString()} values={values} actors={actors} exportHref={`/api/audit/export${query.size ? `?${query}` : ''}`} errors={parsed.success ? {} : auditFilterErrors(parsed.error)} />
      {parsed.success ? null : (
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300 ring-inset">
          {t('badQuery')}
        </p>
      )}
      {page ? (
        <div className="space-y-4">
          <p role="status" className="sr-only">
            {t('status', { count: page.events.length, page: pageNumber })}
          </p>
          <AuditTable events={page.events} />
          <nav className="flex flex-wrap gap-3" aria-label={t('pagesLabel')}>
            {cursor ? (
              <Link href={`/audit${query.size ? `?${query}` : ''}`} className={buttonClasses({ variant: 'secondary' })}>
                {t('first')}
              </Link>
            ) : null}
            {nextQuery ? (
              <Link href={`/audit?${nextQuery}`} className={buttonClasses({ variant: 'secondary' })}>
                {t('next')}
              </Link>
            ) : null}
          </nav>
        </div>
      ) : null}
    </div>
  )
}
