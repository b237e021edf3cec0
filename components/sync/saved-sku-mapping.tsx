'use client'
// A saved SKU mapping and the re-syncs it started, watched until done; then the issues and the
// comparison on screen are refreshed.
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import { refreshConnectionIssues } from './api/get-connection-issues'
import { getSyncQueryOptions } from './api/get-sync'
import { skuMismatchKeys } from './api/sku-mapping-mismatch'
import type { SaveSkuMappingAnswer } from './api/sku-mapping-save'
import { SyncProgressView } from './sync-progress-view'
import { useApiErrorText } from './use-api-error-text'

export function SavedMapping({ answer, reference }: { answer: SaveSkuMappingAnswer; reference: string | null }) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const queryClient = useQueryClient()
  const started = answer.syncs.filter((s) => s.syncId !== null)
  const syncs = useQueries({ queries: started.map((s) => getSyncQueryOptions(s.syncId!)) })
  const allDone = started.length > 0 && syncs.every((q) => q.data?.sync.done)
  const names = { ours: answer.mapping.ourSku, bm: answer.mapping.bmSku }

  // Once they end, the issues and the comparison on screen are stale (an issue resolves itself
  // when its re-sync succeeds).
  useEffect(() => {
    if (!allDone) return
    void refreshConnectionIssues()
    void queryClient.invalidateQueries({ queryKey: skuMismatchKeys.all })
    if (reference) void queryClient.invalidateQueries({ queryKey: backMarketOrderKeys.detail(reference) })
  }, [allDone, queryClient, reference])

  return (
    <div role="status" className="space-y-2 border-t border-slate-100 pt-3 text-sm">
      <p className="font-semibold text-emerald-800">{t('saved.title', names)}</p>
      <p className="text-slate-700">{answer.syncs.length ? t('saved.syncs', { count: started.length }) : t('saved.none', names)}</p>
      <ul className="space-y-3">
        {answer.syncs.map((s, i) => {
          const index = s.syncId === null ? -1 : started.indexOf(s)
          const q = index >= 0 ? syncs[index] : undefined
          return (
            <li key={s.syncId ?? `refused-${i}`} className="space-y-1">
              <p className="font-medium text-slate-900">{s.reference ? t('saved.order', { reference: s.reference }) : t('saved.sku', { sku: s.sku ?? '' })}</p>
              {s.error ? <p className="text-red-800">{t('saved.refused', { message: s.error })}</p> : null}
              {q?.data ? <SyncProgressView sync={q.data.sync} /> : null}
              {q?.error && !q.data ? <p className="text-red-800">{t('saved.progressFailed', { message: errorText(q.error) })}</p> : null}
            </li>
          )
        })}
      </ul>
      {allDone ? <p className="text-slate-700">{t('saved.allDone')}</p> : null}
    </div>
  )
}
