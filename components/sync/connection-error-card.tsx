// One failed update in the list (identical repeats as one, with their count and first/last time):
// when, which operation, order and SKU, the message, where its issue stands now, and what to do.
// Actions go on the newest error of each issue only.
import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { BackMarketStage } from '@/lib/orders/backmarket-stage'
import type { ErrorLifecycle } from '@/lib/sync/connection-health-rules'
import type { ErrorDeadline, IssueFacts } from '@/lib/sync/issue-context-view'
import type { ConnectionErrorView } from './connection-health-view'
import { causeOf, isActive } from './connection-errors'
import { DismissForm } from './dismiss-form'
import { attemptMessage } from './failure-message'
import { formatClock, formatWhen } from './format-time'
import { RawAnswer } from './raw-answer'
import { ResyncButton } from './resync-button'
import { KeepOnceShown } from './keep-once-shown'
import { SkuMismatchPanel } from './sku-mismatch-panel'
import { StatusErrorPanel } from './status-error-panel'

const LIFECYCLE_TONES: Record<ErrorLifecycle, BadgeTone> = { open: 'danger', retrying: 'warning', resolved: 'success', dismissed: 'neutral' }

type Props = { error: ConnectionErrorView; carriesActions: boolean; ourStage: BackMarketStage | null; deadline: ErrorDeadline | null; issue: IssueFacts | null }

export function ConnectionErrorCard({ error: e, carriesActions, ourStage, deadline, issue }: Props) {
  const t = useTranslations('connection')
  const tFailure = useTranslations('connection.failures')
  const format = useFormatter()
  const cause = causeOf(e)
  const active = isActive(e)
  const titleId = `error-${e.id}`

  return (
    <article aria-labelledby={titleId} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold break-words text-slate-900">
            {t(`causes.${cause}.title`, { sku: e.sku ?? '—' })}
          </h3>
          <p className="text-xs text-slate-600">
            {e.count > 1 ? (
              t('errors.repeated', { count: e.count, first: formatWhen(format, e.firstAt), last: formatWhen(format, e.at) })
            ) : (
              <time dateTime={e.at}>{formatWhen(format, e.at)}</time>
            )}
          </p>
        </div>
        <Badge tone={e.lifecycle ? LIFECYCLE_TONES[e.lifecycle] : 'neutral'}>{t(`lifecycle.${e.lifecycle ?? 'none'}`)}</Badge>
      </header>
      <div className="space-y-4 px-4 py-3 sm:px-5">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm md:grid-cols-5">
          <Fact label={t('fields.operation')}>
            <span className="font-mono text-xs">{e.operation}</span> · {t(`actions.${e.action}`)}
          </Fact>
          <Fact label={t('fields.order')}>
            {e.reference ? (
              <Link href={`/orders/${e.reference}`} className="font-mono font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {e.reference}
              </Link>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('fields.sku')}>{e.sku ? <span className="font-mono break-all">{e.sku}</span> : '—'}</Fact>
          <Fact label={t('fields.httpStatus')}>{e.httpStatus ?? t('fields.noAnswer')}</Fact>
          <Fact label={t('fields.deadline')}>
            {deadline ? (
              <span className={deadline.overdue ? 'font-medium text-red-800' : undefined}>
                {t(`deadline.${deadline.kind}`, { at: formatWhen(format, deadline.at) })}
                {deadline.assumed ? ` ${t('deadline.assumed')}` : null}
                {deadline.overdue ? ` · ${t('deadline.overdue')}` : null}
              </span>
            ) : (
              '—'
            )}
          </Fact>
        </dl>
        <p className="text-sm text-slate-800">{cause === 'refused' ? attemptMessage(e.message, tFailure) : t(`causes.${cause}.message`)}</p>

        {carriesActions ? (
          <>
            {/* A SKU panel says how the merchant's own mapping went, and tells a closed issue itself. */}
            <KeepOnceShown show={active} keep={cause === 'sku_not_found' || cause === 'order_not_found' || cause === 'listing_not_found'}>
              <CausePanel error={e} cause={cause} ourStage={ourStage} issue={issue} />
            </KeepOnceShown>
            <div className="flex flex-col gap-3 border-t border-slate-100 pt-3 sm:flex-row sm:flex-wrap sm:items-start">
              {e.reference ? <ResyncButton target={{ reference: e.reference }} /> : e.issueId && active ? <ResyncButton target={{ issueId: e.issueId }} /> : null}
              {e.issueId ? <DismissForm issueIds={[e.issueId]} openLabel={t('dismiss.open')} canDismiss={active} /> : null}
            </div>
          </>
        ) : (
          <p className="text-xs text-slate-500">{t('errors.sameIssue')}</p>
        )}
        <RawAnswer attemptId={e.id} />
      </div>
    </article>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  )
}

function CausePanel({ error: e, cause, ourStage, issue }: { error: ConnectionErrorView; cause: ReturnType<typeof causeOf>; ourStage: BackMarketStage | null; issue: IssueFacts | null }) {
  const t = useTranslations('connection')
  const format = useFormatter()
  switch (cause) {
    case 'sku_not_found':
    case 'order_not_found':
    case 'listing_not_found':
      return e.issueId ? <SkuMismatchPanel issueId={e.issueId} reference={e.reference} sku={e.sku} /> : null
    case 'status_error':
      // The hierarchy panel explains moving forward (accept, ship); a refused cancellation is told in
      // the preflight checks and Back Market's words instead.
      if (!e.issueId || !e.reference || e.action === 'stock' || e.action === 'cancel') return null
      return <StatusErrorPanel issueId={e.issueId} reference={e.reference} action={e.action} ourStage={ourStage} storedChecks={issue?.failedChecks ?? []} />
    case 'credentials':
      return <Note>{t('credentials.what')}</Note>
    case 'connection':
      return <Note>{e.lifecycle === 'retrying' && issue?.nextRetryAt ? t('connectionPanel.nextRetry', { at: formatClock(format, issue.nextRetryAt) }) : t('connectionPanel.stopped')}</Note>
    case 'refused':
      return null
  }
}

function Note({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200 ring-inset">{children}</p>
}
