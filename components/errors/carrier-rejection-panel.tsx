// A carrier's refusal of the address at label creation, in its own words, beside our own checks
// on the fix page: who refused, what it said, which fields it named, and how to lift it.
import { useFormatter, useTranslations } from 'next-intl'
import { formatDateTime } from '@/components/orders/format'
import { Badge } from '@/components/ui/badge'
import type { CarrierRejection } from '@/lib/addresses/carrier-rejection'

export function CarrierRejectionPanel({ rejection }: { rejection: CarrierRejection }) {
  const t = useTranslations('errors')
  const format = useFormatter()
  return (
    <section aria-labelledby="carrier-rejection-title" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-red-300 sm:p-5">
      <h2 id="carrier-rejection-title" className="text-base font-semibold text-red-900">
        {t('carrier.title', { carrier: rejection.carrier })}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('carrier.intro')}</p>
      <blockquote className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm break-words whitespace-pre-line text-red-950 ring-1 ring-red-200 ring-inset">
        {rejection.message}
      </blockquote>
      <p className="mt-2 text-xs text-slate-600">
        {t('carrier.at', { at: formatDateTime(format, rejection.at) })}
      </p>
      {rejection.fields.length > 0 ? (
        <div className="mt-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('carrier.fields')}</h3>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {rejection.fields.map((f) => (
              <li key={f}>
                <Badge tone="danger">{t(`fields.${f}`)}</Badge>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-slate-700">{t('carrier.lift')}</p>
    </section>
  )
}
