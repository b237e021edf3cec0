// /staff — the Merchants overview: every merchant, those who need a call first, with the way into
// each one's dashboard and into onboarding a new one.
import type { Metadata } from 'next'
import Link from 'next/link'
import { getTimeZone, getTranslations } from 'next-intl/server'
import { MerchantsOverviewTable } from '@/components/staff/merchants-overview-table'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PageNav } from '@/components/ui/page-nav'
import { requireStaffUser } from '@/lib/auth/require-user'
import { listMerchantsOverview } from '@/lib/staff/merchants-overview'
import { MerchantsOverviewQuerySchema } from '@/lib/staff/overview-query'
import { dailyOutcomes } from '@/lib/sync/daily-outcomes'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.overview')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function StaffMerchantsPage({ searchParams }: Props) {
  const [, t, timeZone, raw] = await Promise.all([requireStaffUser(), getTranslations('staff.overview'), getTimeZone(), searchParams])
  // A bad page number in a shared URL shows the first page rather than an error.
  const parsed = MerchantsOverviewQuerySchema.safeParse({ page: Array.isArray(raw.page) ? raw.page[0] : raw.page })
  const overview = await listMerchantsOverview({ page: parsed.success ? parsed.data.page : 1 })
  // The charts' days are the reader's, like every time on the page.
  const outcomes = await dailyOutcomes({ merchantIds: overview.rows.map((r) => r.id), timeZone })
  const rows = overview.rows.map((r) => ({ ...r, outcomes: outcomes.get(r.id) ?? [] }))
  const href = (page: number) => (page === 1 ? '/staff' : `/staff?page=${page}`)
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
        </div>
        <Link href="/staff/merchants/new" className={buttonClasses()}>
          {t('onboard')}
        </Link>
      </div>
      {/* Unnamed: the table inside is named, and a third landmark of one name says nothing new. */}
      <Card>
        {rows.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <>
            <MerchantsOverviewTable rows={rows} />
            <PageNav
              label={t('pages')}
              summary={t('count', { count: overview.total })}
              pageText={t('page', { page: overview.page, pageCount: overview.pageCount })}
              previous={{ href: overview.page > 1 ? href(overview.page - 1) : null, label: t('previous') }}
              next={{ href: overview.page < overview.pageCount ? href(overview.page + 1) : null, label: t('next') }}
            />
          </>
        )}
      </Card>
    </div>
  )
}
