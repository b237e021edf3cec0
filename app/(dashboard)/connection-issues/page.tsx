import type { Metadata } from 'next'
import { z } from 'zod'
import { getTimeZone, getTranslations } from 'next-intl/server'
import { LastDaysCard } from '@/components/charts/last-days-card'
import { toConnectionHealthView } from '@/components/sync/connection-health-view'
import { ConnectionErrorCard } from '@/components/sync/connection-error-card'
import { groupErrorsByCause, newestOfEachIssue, sortErrors } from '@/components/sync/connection-errors'
import { ErrorSortLinks } from '@/components/sync/error-sort'
import { ErrorGroups } from '@/components/sync/error-groups'
import { OlderOpenIssues } from '@/components/sync/older-open-issues'
import { RefreshOnChange } from '@/components/sync/refresh-on-change'
import { Card } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/require-user'
import { getConnectionHealth } from '@/lib/sync/connection-health'
import { listOlderOpenIssues } from '@/lib/sync/connection-health-older-issues'
import { dailyOutcomes } from '@/lib/sync/daily-outcomes'
import { loadIssueContext } from '@/lib/sync/load-issue-context'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connection.page')
  return { title: t('title') }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// A hand-edited ?sort= falls back to the default order rather than failing the page.
const SortSchema = z.enum(['newest', 'urgency']).catch('newest')

export default async function ConnectionIssuesPage({ searchParams }: Props) {
  const [user, t, raw, timeZone] = await Promise.all([requireUser(), getTranslations('connection'), searchParams, getTimeZone()])
  const sort = SortSchema.parse(raw.sort)
  const now = new Date()
  // The chart's days are cut in the zone the page formats its times in (the request's: bm_tz).
  const [health, older, outcomes] = await Promise.all([
    getConnectionHealth({ merchantId: user.merchantId, now }),
    listOlderOpenIssues({ merchantId: user.merchantId, now }),
    dailyOutcomes({ merchantIds: [user.merchantId], timeZone, now }),
  ])
  const context = await loadIssueContext({ merchantId: user.merchantId, errors: health.errors })
  const view = toConnectionHealthView(health)
  // Which error carries its issue's actions is decided on the newest-first list, whatever the sort.
  const withActions = newestOfEachIssue(view.errors)
  const deadlineOf = (e: { reference: string | null }) => (e.reference ? (context.deadlines[e.reference] ?? null) : null)
  const errors = sortErrors(view.errors, sort, deadlineOf)

  return (
    <div className="space-y-6">
      <RefreshOnChange rendered={view} />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('page.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.description')}</p>
      </div>

      <LastDaysCard days={outcomes.get(user.merchantId) ?? []} timeZone={timeZone} />

      {view.errors.length === 0 && older.issues.length === 0 ? (
        <Card className="px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-slate-900">{t('page.empty')}</h2>
          <p className="mt-2 text-sm text-slate-600">{t('page.emptyHint')}</p>
        </Card>
      ) : null}
      {/* Still blocking though they last failed before the week: apart from the week's errors. */}
      {older.issues.length > 0 ? <OlderOpenIssues issues={older.issues} more={older.more} now={now} /> : null}
      {view.errors.length > 0 ? (
        <>
          <ErrorGroups groups={groupErrorsByCause(view.errors)} />
          <section aria-labelledby="errors-title" className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="errors-title" className="text-lg font-semibold text-slate-900">
                  {t('errors.title')}
                </h2>
                <p className="text-sm text-slate-600">{t(`errors.description.${sort}`, { count: view.errors.length })}</p>
              </div>
              <ErrorSortLinks current={sort} />
            </div>
            <ol className="space-y-4">
              {errors.map((e) => (
                <li key={e.id}>
                  <ConnectionErrorCard
                    error={e}
                    carriesActions={withActions.has(e.id)}
                    ourStage={e.reference ? (context.orderStages[e.reference] ?? null) : null}
                    deadline={deadlineOf(e)}
                    issue={e.issueId ? (context.issues[e.issueId] ?? null) : null}
                  />
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </div>
  )
}
