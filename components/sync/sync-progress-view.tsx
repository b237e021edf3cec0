'use client'
// One sync's progress, wherever a sync is watched (a re-sync, a SKU mapping's re-syncs, the
// acceptance after an address fix): the four steps with the one reached, then what it means now,
// said in the words of the place that shows it (`wording`: the messages holding its `phase.*`).
import { useFormatter, useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'
import type { SyncStatusView } from './api/get-sync'
import { failureMessage } from './failure-message'
import { formatClock } from './format-time'
import { PreflightChecks } from './preflight-checks'
import { describeSync, SYNC_STEPS } from './sync-progress'

/** A re-sync's words, or the acceptance of the sale once an address fix validated the order. */
export type SyncWording = 'connection.resync' | 'errors.sync'

type Props = { sync: SyncStatusView; awaitingPreflight?: boolean; wording?: SyncWording }

export function SyncProgressView({ sync, awaitingPreflight = false, wording = 'connection.resync' }: Props) {
  const t = useTranslations('connection.resync')
  const tPhase = useTranslations(`${wording}.phase`)
  const tFailure = useTranslations('connection.failures')
  const format = useFormatter()
  const p = describeSync(sync)
  const failed = p.phase === 'failed'

  let sentence: string
  if (p.phase === 'retrying') sentence = p.retryAt ? tPhase('retrying', { attempts: sync.attempts, at: formatClock(format, p.retryAt) }) : tPhase('retryingSoon', { attempts: sync.attempts })
  else if (failed) sentence = tPhase('failed', { message: sync.failure ? failureMessage(sync.failure, tFailure) : t('noReason') })
  else sentence = tPhase(p.phase)

  return (
    <div className="space-y-2">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs" aria-label={t('stepsLabel')}>
        {SYNC_STEPS.map((step, i) => {
          const reached = i <= p.reached
          const current = i === p.reached
          return (
            <li key={step} className="flex items-center gap-1.5" aria-current={current ? 'step' : undefined}>
              {i > 0 ? (
                <span aria-hidden="true" className="text-slate-400">
                  →
                </span>
              ) : null}
              <span className={cn('rounded-full px-2 py-0.5 font-medium ring-1 ring-inset', stepTone(reached, current, p.phase))}>
                {reached ? <span className="sr-only">{t('reached')} </span> : null}
                {t(`steps.${step}`)}
              </span>
            </li>
          )
        })}
      </ol>
      <p className={cn(failed ? 'text-red-800' : p.phase === 'verified' ? 'text-emerald-800' : 'text-slate-700', 'break-words')}>{sentence}</p>
      {failed ? (
        <div className="space-y-1 text-slate-700">
          {p.alreadyApplied ? <p>{t('alreadyApplied')}</p> : null}
          {p.canRetryHelp === true ? <p>{t('retryHelps')}</p> : null}
          {p.canRetryHelp === null ? <p>{awaitingPreflight ? t('checkingRetry') : t('retryUnknown')}</p> : null}
          {p.canRetryHelp === false ? (
            <>
              <p>{t('retryWontHelp')}</p>
              <PreflightChecks checks={p.blockers} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function stepTone(reached: boolean, current: boolean, phase: string): string {
  if (!reached) return 'text-slate-500 ring-slate-200'
  if (current && phase === 'failed') return 'bg-red-50 text-red-800 ring-red-300'
  if (current && phase === 'verified') return 'bg-emerald-50 text-emerald-800 ring-emerald-300'
  return 'bg-indigo-50 text-indigo-800 ring-indigo-200'
}
