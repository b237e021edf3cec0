'use client'
// After a save that validated the order: the confirmation, the live acceptance on Back Market,
// and where to go next. Focus moves to the heading so the outcome is read out.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import type { AddressValidated } from '@/components/errors/api/update-order-address'
import { isAwaitingPreflight, useSync } from '@/components/sync/api/get-sync'
import { SyncProgressView } from '@/components/sync/sync-progress-view'
import { Button, buttonClasses } from '@/components/ui/button'

/** `carrierLifted`: the save answered a carrier's refusal; an order validated already sends nothing to Back Market. */
export function FixSaved({ result, carrierLifted = false }: { result: AddressValidated; carrierLifted?: boolean }) {
  const t = useTranslations('errors.saved')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const { reference } = result.order
  const lifted = carrierLifted && !result.sync
  return (
    <section aria-labelledby="saved-title" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-emerald-300 sm:p-6">
      <div>
        <h2 id="saved-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-900 focus:outline-none">
          {lifted ? t('liftedTitle', { reference }) : t('title', { reference })}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{result.sync ? t('body') : lifted ? t('lifted') : t('alreadyAccepted')}</p>
      </div>
      {result.sync ? <AcceptanceProgress syncId={result.sync.id} /> : null}
      <div className="flex flex-wrap gap-2">
        <Link href={`/orders/${reference}`} className={buttonClasses()}>
          {t('orderLink')}
        </Link>
        <Link href="/errors" className={buttonClasses({ variant: 'secondary' })}>
          {t('backToList')}
        </Link>
      </div>
    </section>
  )
}

/** The save's own sync, watched until Back Market shows the sale accepted; each change is announced. */
function AcceptanceProgress({ syncId }: { syncId: string }) {
  const t = useTranslations('errors.sync')
  // The save's answer put the sync's first status in the cache (rememberSync): shown at once.
  const { data, error, refetch, isFetching } = useSync(syncId)
  return (
    <section aria-labelledby="sync-title" className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id="sync-title" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <div role="status" className="mt-3 text-sm">
        {data ? <SyncProgressView sync={data.sync} awaitingPreflight={isAwaitingPreflight(syncId, data.sync)} wording="errors.sync" /> : null}
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
