'use client'
// Re-sync with Back Market, and watch it happen: the request goes out once (the button is
// disabled while it is pending or running; the server also joins a pending sync), then the sync
// is polled every second until done: queued → sent → accepted by Back Market → verified, or why it
// failed and whether a retry can help. An order, or (for stock) the SKU behind an issue.
import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useId, useState } from 'react'
import { describedBy, PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import { Button } from '@/components/ui/button'
import { refreshConnectionIssues } from './api/get-connection-issues'
import { isAwaitingPreflight, useSync } from './api/get-sync'
import { useRequestBulkResync } from './api/request-bulk-resync'
import { useRequestResync } from './api/request-resync'
import { refusalText } from './refusal-text'
import { SyncProgressView } from './sync-progress-view'
import { useApiErrorText } from './use-api-error-text'

export type ResyncTarget = { reference: string } | { issueId: string }

export function ResyncButton({ target, variant = 'secondary' }: { target: ResyncTarget; variant?: 'primary' | 'secondary' }) {
  const t = useTranslations('connection.resync')
  const tRefusal = useTranslations('connection.refusals')
  const errorText = useApiErrorText()
  const statusId = useId()
  const noteId = useId()
  const gate = useActionPermission('operate', 'resync')
  const router = useRouter()
  const queryClient = useQueryClient()
  const [syncId, setSyncId] = useState<string | null>(null)
  const [joined, setJoined] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)

  const one = useRequestResync({
    onSuccess: ({ sync, created }) => {
      setSyncId(sync.id)
      setJoined(!created)
    },
  })
  const byIssue = useRequestBulkResync({
    onSuccess: ({ results }) => {
      const [result] = results
      if (result?.syncId) {
        setSyncId(result.syncId)
        setJoined(!result.created)
      } else setRefusal(result?.error ? refusalText(result.refusal, result.error, tRefusal) : t('nothingToSend'))
    },
  })
  const request = 'reference' in target ? one : byIssue
  const sync = useSync(syncId)
  const done = sync.data?.sync.done ?? false
  const reference = 'reference' in target ? target.reference : (sync.data?.sync.reference ?? null)

  // Once it ends, what the page shows from the server (order status, issues, banner) is stale.
  useEffect(() => {
    if (!done) return
    void refreshConnectionIssues()
    if (reference) void queryClient.invalidateQueries({ queryKey: backMarketOrderKeys.detail(reference) })
    router.refresh()
  }, [done, reference, queryClient, router])

  const busy = request.isPending || (syncId !== null && !done)
  const start = () => {
    // Disabled by aria-disabled rather than `disabled`, so keyboard focus stays on the button (and
    // reaches it when the role cannot re-sync: the reason is read with it).
    if (busy || !gate.allowed) return
    setRefusal(null)
    setJoined(false)
    setSyncId(null)
    if ('reference' in target) one.mutate(target.reference)
    else byIssue.mutate([target.issueId])
  }

  let label = t('button')
  if (request.isPending) label = t('sending')
  else if (busy) label = t('running')
  else if (done) label = t('again')

  return (
    <div className="min-w-0 space-y-2">
      <Button variant={variant} size="sm" onClick={start} aria-disabled={busy || !gate.allowed} aria-describedby={describedBy(gate.allowed ? null : noteId, statusId)}>
        {label}
      </Button>
      <PermissionNote id={noteId} gate={gate} />
      <div id={statusId} role="status" aria-label={t('progressLabel')} className="text-sm">
        {request.error ? <p className="text-red-800">{t('refused', { message: errorText(request.error) })}</p> : null}
        {refusal ? <p className="text-red-800">{t('refused', { message: refusal })}</p> : null}
        {joined ? <p className="text-slate-600">{t('joined')}</p> : null}
        {sync.data ? <SyncProgressView sync={sync.data.sync} awaitingPreflight={isAwaitingPreflight(sync.data.sync.id, sync.data.sync)} /> : null}
        {sync.error && !sync.data ? <p className="text-red-800">{t('progressFailed', { message: errorText(sync.error) })}</p> : null}
      </div>
    </div>
  )
}
