'use client'
// Where the acceptance of the sale on Back Market is: queued → sent → accepted → verified by
// reading it back, or failed and why. Polled until done; each change is announced.
import { useFormatter, useTranslations } from 'next-intl'
import { useSyncStatus } from '@/components/errors/api/get-sync-status'
import { Button } from '@/components/ui/button'
import { failureMessage } from '@/components/sync/failure-message'
import { cn } from '@/components/ui/cn'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'

const STEPS = ['queued', 'sent', 'accepted', 'verified'] as const

export function SyncProgress({ initial }: { initial: SyncStatusView }) {
  const t = useTranslations('errors.sync')
  const tFailure = useTranslations('connection.failures')
  const format = useFormatter()
  const { data: sync, error, refetch, isFetching } = useSyncStatus(initial)
  const reached = STEPS.indexOf(sync.status as (typeof STEPS)[number])
  const failed = sync.status === 'failed'
  const retrying = !sync.done && sync.attempts > 0 && sync.nextAttemptAt !== null && sync.failure === null

  return (
    <section aria-labelledby="sync-title" className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id="sync-title" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <ol className="mt-3 grid gap-2 sm:grid-cols-4">
        {STEPS.map((step, i) => {
          const state = i < reached || sync.status === 'verified' ? 'done' : i === reached ? 'current' : 'todo'
          return (
            <li
              key={step}
              aria-current={state === 'current' ? 'step' : undefined}
              className={cn(
                'rounded-md px-3 py-2 text-sm ring-1 ring-inset',
                state === 'done' && 'bg-emerald-50 text-emerald-900 ring-emerald-200',
                state === 'current' && 'bg-indigo-50 font-medium text-indigo-900 ring-indigo-200',
                state === 'todo' && 'bg-white text-slate-500 ring-slate-200',
              )}
            >
              {t(`steps.${step}`)}
              {state !== 'todo' ? <span className="sr-only"> ({state === 'done' ? t('done') : t('current')})</span> : null}
            </li>
          )
        })}
      </ol>
      <p role="status" className={cn('mt-3 text-sm', failed ? 'font-medium text-red-800' : 'text-slate-700')}>
        {failed ? t('status.failed', { message: sync.failure ? failureMessage(sync.failure, tFailure) : '' }) : t(`status.${sync.status}`)}
      </p>
      {retrying ? (
        <p className="mt-1 text-sm text-slate-600">
          {t('retrying', { n: sync.attempts, time: format.dateTime(new Date(sync.nextAttemptAt!), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) })}
        </p>
      ) : null}
      {error ? (
        <div role="alert" className="mt-3 flex flex-wrap items-center gap-3 text-sm text-red-800">
          {t('loadFailed')}
          <Button variant="secondary" size="sm" onClick={() => void refetch()} disabled={isFetching}>
            {t('retry')}
          </Button>
        </div>
      ) : null}
    </section>
  )
}
