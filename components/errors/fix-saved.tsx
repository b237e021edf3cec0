'use client'
// After a save that validated the order: the confirmation, the live acceptance on Back Market,
// and where to go next. Focus moves to the heading so the outcome is read out.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import type { AddressValidated } from '@/components/errors/api/update-order-address'
import { SyncProgress } from '@/components/errors/sync-progress'
import { buttonClasses } from '@/components/ui/button'

export function FixSaved({ result }: { result: AddressValidated }) {
  const t = useTranslations('errors.saved')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const { reference } = result.order
  return (
    <section aria-labelledby="saved-title" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-emerald-300 sm:p-6">
      <div>
        <h2 id="saved-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-900 focus:outline-none">
          {t('title', { reference })}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{result.sync ? t('body') : t('alreadyAccepted')}</p>
      </div>
      {result.sync ? <SyncProgress initial={result.sync} /> : null}
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
