'use client'
// Someone saved the address while the merchant was editing it: both versions side by side (one
// above the other on a phone), the differing fields marked in words as well as colour, and the
// two ways out. Nothing typed is lost: "Save my version" re-sends it on the newer version.
import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ADDRESS_FIELDS } from '@/lib/addresses/address-fields'
import type { Address, AddressField } from '@/lib/addresses/address-schema'

type Props = { yours: Address; theirs: Address | null; onKeepMine: () => void; onTakeTheirs: () => void; pending: boolean }

export function AddressConflict({ yours, theirs, onKeepMine, onTakeTheirs, pending }: Props) {
  const t = useTranslations('errors')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const differs = (f: AddressField) => (yours[f] ?? '') !== (theirs?.[f] ?? '')
  return (
    <section aria-labelledby="conflict-title" className="rounded-lg bg-amber-50 p-4 ring-1 ring-amber-300 sm:p-5">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-base font-semibold text-amber-950 focus:outline-none">
        {t('conflict.title')}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{t('conflict.intro')}</p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Version title={t('conflict.yours')} address={yours} differs={differs} />
        <Version title={t('conflict.theirs')} address={theirs} differs={differs} />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button onClick={onKeepMine} disabled={pending}>
          {t('conflict.keepMine')}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={pending}>
          {t('conflict.takeTheirs')}
        </Button>
      </div>
    </section>
  )
}

function Version({ title, address, differs }: { title: string; address: Address | null; differs: (f: AddressField) => boolean }) {
  const t = useTranslations('errors')
  return (
    <div className="rounded-md bg-white p-3 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <dl className="mt-2 grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {ADDRESS_FIELDS.map((f) => (
          <div key={f} className="contents">
            <dt className="text-slate-600">{t(`fields.${f}`)}</dt>
            <dd className={cn('break-words', differs(f) ? 'font-medium text-amber-950' : 'text-slate-800')}>
              {address?.[f] || <em className="text-slate-500">{t('conflict.empty')}</em>}
              {differs(f) ? <span className="ml-1 text-xs font-normal text-amber-800">({t('conflict.differs')})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
