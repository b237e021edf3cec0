'use client'
// A "not found" error's SKUs: ours beside Back Market's (as on our order and read live), the
// difference marked; then mapping our SKU to Back Market's — prefilled with the suggestion, the
// guard's preview to read before confirming — and the re-syncs it started, watched until done.
import dynamic from 'next/dynamic'
import { useFormatter, useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useSkuMismatch } from './api/sku-mapping-mismatch'
import type { SaveSkuMappingAnswer } from './api/sku-mapping-save'
import { formatClock } from './format-time'
import { liveFailureText } from './live-failure-text'
import { LineSkus, StockSkus } from './sku-comparison'
import { useApiErrorText } from './use-api-error-text'

// The form and what a save started show only once Back Market's SKUs have been read (after the
// page's load): their code (the mapping's checks, zod/mini) comes with that answer, not with the page.
const formSkeleton = () => <Skeleton className="h-24 w-full" />
const MapSkuForm = dynamic(() => import('./map-sku-form').then((m) => m.MapSkuForm), { loading: formSkeleton })
const SavedMapping = dynamic(() => import('./saved-sku-mapping').then((m) => m.SavedMapping), { loading: formSkeleton })

type Props = { issueId: string; reference: string | null; sku: string | null }

export function SkuMismatchPanel({ issueId, reference, sku }: Props) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const format = useFormatter()
  const titleId = useId()
  const { data, error, isPending, isFetching, refetch } = useSkuMismatch(issueId)
  // Kept here, not in the form: the comparison refetches after a save and may close the issue.
  const [saved, setSaved] = useState<SaveSkuMappingAnswer | null>(null)
  const closed = data?.issue && (data.issue.status === 'RESOLVED' || data.issue.status === 'DISMISSED') ? data.issue.status : null

  return (
    <section aria-labelledby={titleId} aria-busy={isFetching} className="space-y-3 rounded-md bg-white p-3 ring-1 ring-slate-200 ring-inset">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h4 id={titleId} className="text-sm font-semibold text-slate-900">{t('title')}</h4>
          <p className="text-xs text-slate-600">{t('intro')}</p>
        </div>
        <Button variant="secondary" size="sm" onClick={() => void refetch()} disabled={isFetching} aria-label={t('refreshLabel')}>
          {t('refresh')}
        </Button>
      </div>
      <div aria-live="polite" className="space-y-1 text-sm">
        {isFetching ? <p className="text-slate-600">{t('reading')}</p> : null}
        {error ? <p role="alert" className="text-red-800">{t('loadFailed', { message: errorText(error) })}</p> : null}
        {data?.live.ok === false ? <p className="text-amber-900">{liveFailureText(data.live, t)}</p> : null}
        {data?.live.ok ? <p className="text-xs text-slate-600">{t('fetchedAt', { at: formatClock(format, data.live.fetchedAt) })}</p> : null}
        {closed ? <p className="font-medium text-emerald-800">{t('issueClosed', { status: closed })}</p> : null}
      </div>
      {isPending && !error ? <Skeleton className="h-20 w-full" /> : null}
      {data?.lines ? (
        <ul className="space-y-2">
          {data.lines.map((l) => (
            <LineSkus key={l.orderlineId} line={l} view={data} />
          ))}
        </ul>
      ) : null}
      {data?.stock ? <StockSkus stock={data.stock} /> : null}
      {saved ? <SavedMapping answer={saved} reference={reference} /> : data && !closed ? <MapSkuForm view={data} fallbackSku={sku} onSaved={setSaved} /> : null}
    </section>
  )
}
