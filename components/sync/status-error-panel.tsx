'use client'
// An order status error: Back Market's hierarchy (To accept → Waiting for fulfillment →
// Fulfilled) with where Back Market is (read live) and where we are, what to do on Back Market,
// and "Check again", which reads Back Market back and closes the error once it was fixed by hand.
import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { useBackMarketOrder } from '@/components/orders/api/get-backmarket-order'
import { Button } from '@/components/ui/button'
import type { BackMarketStage } from '@/lib/orders/backmarket-stage'
import type { PreflightCheck } from '@/lib/sync/preflight-rules'
import { checkRetryAt, useCheckSyncIssue, type CheckAnswer } from './api/check-sync-issue'
import { formatClock } from './format-time'
import { PreflightChecks } from './preflight-checks'
import { StatusHierarchy } from './status-hierarchy-view'
import { useApiErrorText } from './use-api-error-text'
import { adviseStatusError, orderStage, targetStage, type LineOnBackMarket } from './status-hierarchy'

type Props = { issueId: string; reference: string; action: 'accept' | 'ship'; ourStage: BackMarketStage | null; storedChecks: readonly PreflightCheck[] }

export function StatusErrorPanel({ issueId, reference, action, ourStage, storedChecks }: Props) {
  const t = useTranslations('connection.status')
  const tAction = useTranslations('connection.actions')
  const router = useRouter()
  const errorText = useApiErrorText()
  const live = useBackMarketOrder(reference)
  const format = useFormatter()
  const [answer, setAnswer] = useState<CheckAnswer | null>(null)
  // Checking again can close the issue (and spends Back Market's budget): operators' work.
  const gate = useActionPermission('operate', 'check')
  const deniedId = useId()
  const check = useCheckSyncIssue({
    onSuccess: (a) => {
      setAnswer(a)
      // The issue's lifecycle, the list and the banner come from the server.
      if (a.resolved) router.refresh()
    },
  })

  const lines: LineOnBackMarket[] = (live.data?.comparison.lines ?? []).flatMap((l) => (l.backMarket ? [{ sku: l.backMarket.listing, state: l.backMarket.state }] : []))
  const { advice, blocking } = adviseStatusError({ action, lines })
  const target = targetStage(action)
  // The budget busy with the merchant's own syncs: when to try, in their language and clock.
  const checkError = (err: Error) => {
    const retryAt = checkRetryAt(err)
    return retryAt ? t('checkBusy', { at: formatClock(format, retryAt) }) : t('checkFailed', { message: errorText(err) })
  }

  return (
    <div className="space-y-3 rounded-md bg-white p-3 ring-1 ring-slate-200 ring-inset">
      <h4 className="text-sm font-semibold text-slate-900">{t('title')}</h4>
      <StatusHierarchy backMarket={live.data ? orderStage(lines.map((l) => l.state)) : null} ours={ourStage} target={target} />
      <div aria-live="polite" className="space-y-2 text-sm text-slate-800">
        {live.isPending ? <p className="text-slate-600">{t('reading')}</p> : null}
        {live.error ? (
          <>
            <p className="text-amber-900">{t('liveFailed')}</p>
            <PreflightChecks checks={storedChecks} />
          </>
        ) : null}
        {live.data ? (
          <>
            {blocking.length > 0 ? (
              <ul className="space-y-0.5">
                {blocking.map((l) => (
                  <li key={l.sku}>{t('line', { sku: l.sku, stage: t(`stages.${l.stage}`), state: l.state })}</li>
                ))}
              </ul>
            ) : null}
            <p className="font-medium">{t(`advice.${advice}`, { action: tAction(action), target: t(`stages.${target}`) })}</p>
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          onClick={() => gate.allowed && check.mutate({ issueId, reference })}
          disabled={check.isPending}
          aria-disabled={!gate.allowed || undefined}
          aria-describedby={gate.allowed ? undefined : deniedId}
        >
          {check.isPending ? t('checking') : t('checkAgain')}
        </Button>
        <PermissionNote id={deniedId} gate={gate} />
        <div role="status" className="min-w-0 text-sm">
          {check.error ? <p className="text-red-800">{checkError(check.error)}</p> : null}
          {answer?.resolved ? <p className="text-emerald-800">{t('resolved')}</p> : null}
          {answer && !answer.resolved ? (
            answer.preflight.canRetryHelp ? (
              <p>{t('ready')}</p>
            ) : (
              <>
                <p>{t('stillBlocked')}</p>
                <PreflightChecks checks={answer.preflight.checks.filter((c) => !c.ok)} />
              </>
            )
          ) : null}
        </div>
      </div>
    </div>
  )
}
