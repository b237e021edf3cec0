'use client'
// The save's own sync, watched until Back Market shows the sale accepted; each change is announced.
// Loaded by FixSaved after a save (React.lazy), with TanStack Query's provider: the address form's
// first JavaScript does without the library.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Providers } from '@/components/providers'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import { isAwaitingPreflight, rememberSync, useSync, type SyncStatusView } from '@/components/sync/api/get-sync'
import { SyncProgressView } from '@/components/sync/sync-progress-view'
import { Button } from '@/components/ui/button'
import { getQueryClient } from '@/lib/query-client'

/** The order's Back Market view changed with the save: the next look at it reads it again. */
export function forgetBackMarketOrder(reference: string): void {
  void getQueryClient().invalidateQueries({ queryKey: backMarketOrderKeys.detail(reference) })
}

export function AcceptanceProgress({ sync }: { sync: SyncStatusView }) {
  return (
    <Providers>
      <Progress sync={sync} />
    </Providers>
  )
}

function Progress({ sync }: { sync: SyncStatusView }) {
  const t = useTranslations('errors.sync')
  // The save's answer carried the sync's first status: in the cache before the first poll, so it shows at once.
  useState(() => rememberSync(getQueryClient(), sync))
  const { data, error, refetch, isFetching } = useSync(sync.id)
  return (
    <section aria-labelledby="sync-title" className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id="sync-title" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <div role="status" className="mt-3 text-sm">
        {data ? <SyncProgressView sync={data.sync} awaitingPreflight={isAwaitingPreflight(sync.id, data.sync)} wording="errors.sync" /> : null}
      </div>
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
