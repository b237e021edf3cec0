'use client'
// After a save that validated the order: the confirmation, the live acceptance on Back Market,
// and where to go next. Focus moves to the heading so the outcome is read out.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { lazy, Suspense, useEffect, useRef } from 'react'
import type { AddressValidated } from '@/components/errors/api/update-order-address'
import { QuietBoundary } from '@/components/sync/quiet-boundary'
import { buttonClasses } from '@/components/ui/button'

// The progress and its query cache (TanStack Query, the sync's polling) are loaded after a save
// only: the form's first JavaScript does without them (docs/benchmarks.md, pages budget).
const loadProgress = () => import('./acceptance-progress')
const AcceptanceProgress = lazy(() => loadProgress().then((m) => ({ default: m.AcceptanceProgress })))

/** `carrierLifted`: the save answered a carrier's refusal; an order validated already sends nothing to Back Market. */
export function FixSaved({ result, carrierLifted = false }: { result: AddressValidated; carrierLifted?: boolean }) {
  const t = useTranslations('errors.saved')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const { reference } = result.order
  // The order's Back Market view, if this browser cached it, changed with the save. A chunk that
  // cannot load leaves it as it was (30 s at most: the queries' staleTime).
  useEffect(() => {
    loadProgress().then(
      (m) => m.forgetBackMarketOrder(reference),
      () => {},
    )
  }, [reference])
  const lifted = carrierLifted && !result.sync
  return (
    <section aria-labelledby="saved-title" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-emerald-300 sm:p-6">
      <div>
        <h2 id="saved-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-900 focus:outline-none">
          {lifted ? t('liftedTitle', { reference }) : t('title', { reference })}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{result.sync ? t('body') : lifted ? t('lifted') : t('alreadyAccepted')}</p>
      </div>
      {result.sync ? (
        <QuietBoundary>
          <Suspense fallback={null}>
            <AcceptanceProgress sync={result.sync} />
          </Suspense>
        </QuietBoundary>
      ) : null}
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
