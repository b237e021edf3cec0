'use client'
// The SKUs of a "not found" error side by side: each order line's (ours, and Back Market's live
// and on the order) and the stock SKU's, the difference marked; a mapping that breaks a line can
// be removed from here.
import { useTranslations } from 'next-intl'
import { useId, type ReactNode } from 'react'
import { PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import type { SkuLineComparison } from '@/lib/sync/sku-mismatch-rules'
import type { StockSkuView } from '@/lib/sync/sku-mismatch-view'
import { useDeleteSkuMapping } from './api/sku-mapping-delete'
import type { SkuMismatchView } from './api/sku-mapping-mismatch'
import { useApiErrorText } from './use-api-error-text'

function SkuCell({ label, highlight, children }: { label: string; highlight?: boolean; children: ReactNode }) {
  return (
    <div className={cn('min-w-0 rounded px-2 py-1.5', highlight ? 'bg-amber-50 ring-1 ring-amber-300 ring-inset' : 'bg-slate-50')}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="font-mono text-sm break-all text-slate-900">{children}</dd>
    </div>
  )
}

export function LineSkus({ line: l, view }: { line: SkuLineComparison; view: SkuMismatchView }) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const remove = useDeleteSkuMapping()
  const gate = useActionPermission('operate', 'mapSku')
  const deniedId = useId()
  const mapping = view.mappings.find((m) => m.ourSku === l.ourSku)
  return (
    <li className="space-y-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span className="min-w-0 break-words">
          {l.productTitle} · {t('line.label', { id: l.orderlineId })}
        </span>
        <Badge tone={l.differs ? 'warning' : 'success'}>{l.differs ? t('differs') : t('matches')}</Badge>
      </div>
      <dl className="grid grid-cols-2 gap-2">
        <SkuCell label={t('line.ours')} highlight={l.differs}>
          {l.ourSku}
          {l.mappedTo ? <span className="block font-sans text-xs break-normal wrap-anywhere text-slate-600">{t('line.sentAs', { sku: l.mappedTo })}</span> : null}
        </SkuCell>
        <SkuCell label={t('line.theirs')} highlight={l.differs}>
          <span className="block">
            <span className="font-sans text-xs text-slate-600">{t('line.live')}: </span>
            {l.missingOnBackMarket ? <span className="font-sans">{t('line.missing')}</span> : (l.liveListing ?? <span className="font-sans text-slate-500">{t('line.notRead')}</span>)}
          </span>
          <span className="block">
            <span className="font-sans text-xs text-slate-600">{t('line.onOrder')}: </span>
            {l.listingOnOrder}
          </span>
        </SkuCell>
      </dl>
      {l.renamedOnBackMarket ? <p className="text-xs text-slate-700">{t('line.renamed')}</p> : null}
      {l.mappingBreaksIt && mapping ? (
        <div className="space-y-1 text-sm text-amber-950">
          <p>{t('line.mappingBreaksIt', { ours: l.ourSku, mapped: mapping.bmSku })}</p>
          <Button
            variant="secondary"
            size="sm"
            disabled={remove.isPending}
            aria-disabled={!gate.allowed || undefined}
            aria-describedby={gate.allowed ? undefined : deniedId}
            onClick={() => gate.allowed && remove.mutate(mapping.id)}
          >
            {remove.isPending ? t('line.removing') : t('line.removeMapping', { ours: l.ourSku, mapped: mapping.bmSku })}
          </Button>
          <PermissionNote id={deniedId} gate={gate} />
          {remove.error ? <p role="alert" className="text-red-800">{errorText(remove.error)}</p> : null}
        </div>
      ) : null}
    </li>
  )
}

export function StockSkus({ stock: s }: { stock: StockSkuView }) {
  const t = useTranslations('skuMapping')
  const missing = s.listing?.found === false
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span>{t('stock.label', { sku: s.ourSku })}</span>
        {s.listing ? <Badge tone={missing ? 'warning' : 'success'}>{missing ? t('differs') : t('matches')}</Badge> : null}
      </div>
      <dl className="grid grid-cols-2 gap-2">
        <SkuCell label={t('line.ours')} highlight={missing}>
          {s.ourSku}
          {s.mappedTo ? <span className="block font-sans text-xs break-normal wrap-anywhere text-slate-600">{t('line.sentAs', { sku: s.mappedTo })}</span> : null}
          <span className="block font-sans text-xs text-slate-600">{s.product ? t('stock.product', { quantity: s.product.quantity }) : t('stock.noProduct')}</span>
        </SkuCell>
        <SkuCell label={t('line.theirs')} highlight={missing}>
          {s.listing === null ? (
            <span className="font-sans text-slate-500">{t('line.notRead')}</span>
          ) : s.listing.found ? (
            t('stock.listingFound', { sku: s.listing.sku, quantity: s.listing.quantity })
          ) : (
            <span className="font-sans">{t('stock.listingMissing', { sku: s.sentSku })}</span>
          )}
        </SkuCell>
      </dl>
      {missing ? <p className="text-xs text-slate-700">{s.candidate ? t(s.candidate.found ? 'stock.candidateFound' : 'stock.candidateMissing', { sku: s.candidate.sku }) : t('stock.noCandidate')}</p> : null}
    </div>
  )
}
