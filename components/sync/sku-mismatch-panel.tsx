'use client'
// A "not found" error's SKUs: ours beside Back Market's (as on our order and read live), the
// difference marked; then mapping our SKU to Back Market's — prefilled with the suggestion, the
// guard's preview to read before confirming — and the re-syncs it started, watched until done.
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useFormatter, useTranslations } from 'next-intl'
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { FieldError, Input, Label } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { SKU_MAX_LENGTH, SkuMappingInputSchema, type SkuMappingInput } from '@/lib/sku-mapping/sku-mapping-input'
import type { SkuLineComparison } from '@/lib/sku-mapping/sku-mismatch-rules'
import type { StockSkuView } from '@/lib/sku-mapping/sku-mismatch-view'
import { refreshConnectionIssues } from './api/get-connection-issues'
import { getSyncQueryOptions } from './api/get-sync'
import { useDeleteSkuMapping } from './api/sku-mapping-delete'
import { skuMismatchKeys, useSkuMismatch, type SkuMismatchView } from './api/sku-mapping-mismatch'
import { usePreviewSkuMapping, type SkuMappingImpact } from './api/sku-mapping-preview'
import { unconfirmedImpact, useSaveSkuMapping, type SaveSkuMappingAnswer } from './api/sku-mapping-save'
import { formatClock } from './format-time'
import { liveFailureText } from './live-failure-text'
import { SyncProgressView } from './sync-progress-view'
import { useApiErrorText } from './use-api-error-text'

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

function SkuCell({ label, highlight, children }: { label: string; highlight?: boolean; children: ReactNode }) {
  return (
    <div className={cn('min-w-0 rounded px-2 py-1.5', highlight ? 'bg-amber-50 ring-1 ring-amber-300 ring-inset' : 'bg-slate-50')}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="font-mono text-sm break-all text-slate-900">{children}</dd>
    </div>
  )
}

function LineSkus({ line: l, view }: { line: SkuLineComparison; view: SkuMismatchView }) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const remove = useDeleteSkuMapping()
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
          <Button variant="secondary" size="sm" disabled={remove.isPending} onClick={() => remove.mutate(mapping.id)}>
            {remove.isPending ? t('line.removing') : t('line.removeMapping', { ours: l.ourSku, mapped: mapping.bmSku })}
          </Button>
          {remove.error ? <p role="alert" className="text-red-800">{errorText(remove.error)}</p> : null}
        </div>
      ) : null}
    </li>
  )
}

function StockSkus({ stock: s }: { stock: StockSkuView }) {
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

type FieldErrors = Partial<Record<keyof SkuMappingInput, string[]>>

function MapSkuForm({ view, fallbackSku, onSaved }: { view: SkuMismatchView; fallbackSku: string | null; onSaved: (answer: SaveSkuMappingAnswer) => void }) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const ids = { ours: useId(), bm: useId(), oursError: useId(), bmError: useId(), title: useId() }
  const firstDiffering = view.lines?.find((l) => l.differs)?.ourSku ?? view.stock?.ourSku
  const [ours, setOurs] = useState(view.suggestion?.ourSku ?? firstDiffering ?? fallbackSku ?? '')
  const [bm, setBm] = useState(view.suggestion?.bmSku ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [preview, setPreview] = useState<{ input: SkuMappingInput; impact: SkuMappingImpact; stale: boolean } | null>(null)
  const check = usePreviewSkuMapping({ onSuccess: (impact, input) => setPreview({ input, impact, stale: false }) })
  const save = useSaveSkuMapping({ onSuccess: onSaved })

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = SkuMappingInputSchema.safeParse({ ourSku: ours, bmSku: bm })
    if (!parsed.success) {
      const next: FieldErrors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof SkuMappingInput
        const text = issue.code === 'too_big' ? t('form.errors.tooLong', { max: SKU_MAX_LENGTH }) : issue.code === 'custom' ? t('form.errors.same') : t('form.errors.required')
        ;(next[field] ??= []).push(text)
      }
      return setErrors(next)
    }
    setErrors({})
    check.mutate(parsed.data)
  }
  const confirm = () => {
    if (!preview) return
    save.mutate(
      { ...preview.input, confirm: preview.impact.needsConfirmation },
      // The guard answered again with something new: show it, and ask again.
      { onError: (err) => { const impact = unconfirmedImpact(err); if (impact) setPreview({ input: preview.input, impact, stale: true }) } },
    )
  }
  const editing = preview === null
  const labels = { ours: ours.trim(), bm: bm.trim() }

  return (
    <div className="space-y-3 border-t border-slate-100 pt-3">
      <form onSubmit={onSubmit} noValidate aria-labelledby={ids.title} className="space-y-2">
        <h5 id={ids.title} className="text-sm font-semibold text-slate-900">{t('form.title')}</h5>
        <p className="text-xs text-slate-600">
          {t('form.hint')} {view.suggestion ? t(view.suggestion.reason === 'same_orderline' ? 'form.suggested' : 'form.suggestedStock') : null}
        </p>
        <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <div>
            <Label htmlFor={ids.ours}>{t('form.ourSku')}</Label>
            <Input id={ids.ours} value={ours} onChange={(e) => setOurs(e.target.value)} readOnly={!editing} aria-invalid={errors.ourSku ? true : undefined} aria-describedby={ids.oursError} className="mt-1 font-mono" autoComplete="off" spellCheck={false} />
            <FieldError id={ids.oursError} errors={errors.ourSku} />
          </div>
          <div>
            <Label htmlFor={ids.bm}>{t('form.bmSku')}</Label>
            <Input id={ids.bm} value={bm} onChange={(e) => setBm(e.target.value)} readOnly={!editing} aria-invalid={errors.bmSku ? true : undefined} aria-describedby={ids.bmError} className="mt-1 font-mono" autoComplete="off" spellCheck={false} />
            <FieldError id={ids.bmError} errors={errors.bmSku} />
          </div>
        </div>
        {editing ? (
          <Button type="submit" size="sm" disabled={check.isPending} className="h-auto! min-h-8 max-w-full py-1.5 text-left whitespace-normal! wrap-anywhere">
            {check.isPending ? t('form.checking') : labels.ours && labels.bm ? t('form.submit', labels) : t('form.submitEmpty')}
          </Button>
        ) : null}
        {check.error ? <p role="alert" className="text-sm text-red-800">{errorText(check.error)}</p> : null}
      </form>
      <div aria-live="polite">
        {preview ? (
          <ImpactView impact={preview.impact} stale={preview.stale}>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              <Button size="sm" onClick={confirm} disabled={save.isPending} className="h-auto! min-h-8 max-w-full py-1.5 text-left whitespace-normal! wrap-anywhere">
                {save.isPending ? t('impact.saving') : t(preview.impact.needsConfirmation ? 'impact.confirmWarnings' : 'impact.confirm', { ours: preview.input.ourSku, bm: preview.input.bmSku })}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => { setPreview(null); save.reset() }} disabled={save.isPending}>
                {t('impact.change')}
              </Button>
            </div>
            {save.error && !unconfirmedImpact(save.error) ? <p role="alert" className="text-sm text-red-800">{t('impact.failed', { message: errorText(save.error) })}</p> : null}
          </ImpactView>
        ) : null}
      </div>
    </div>
  )
}

function ImpactView({ impact, stale, children }: { impact: SkuMappingImpact; stale: boolean; children: ReactNode }) {
  const t = useTranslations('skuMapping')
  const names = { ours: impact.ourSku, bm: impact.bmSku }
  const warnings = impact.warnings.filter((w) => w.severity === 'warning')
  const notes = impact.warnings.filter((w) => w.severity === 'note')
  const text = (w: SkuMappingImpact['warnings'][number]) => t(`warnings.${w.code}`, { ...names, ...w.params })
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm text-slate-800 ring-1 ring-slate-200 ring-inset">
      <h5 className="font-semibold text-slate-900">{t('impact.title', names)}</h5>
      {stale ? <p role="alert" className="font-medium text-amber-900">{t('impact.changedMeanwhile')}</p> : null}
      <p>{t('impact.fixed', { count: impact.counts.fixed, bm: impact.bmSku })}</p>
      <p>{t('impact.usingBm', { count: impact.counts.openOrdersUsingBmSku, bm: impact.bmSku })}</p>
      {warnings.length ? (
        <div className="rounded bg-amber-50 px-2 py-1.5 text-amber-950 ring-1 ring-amber-300 ring-inset">
          <p className="font-medium">{t('impact.warningsTitle')}</p>
          <ul className="list-disc space-y-1 pl-5">{warnings.map((w) => <li key={w.code}>{text(w)}</li>)}</ul>
        </div>
      ) : null}
      {notes.length ? (
        <div>
          <p className="font-medium">{t('impact.notesTitle')}</p>
          <ul className="list-disc space-y-1 pl-5">{notes.map((w) => <li key={w.code}>{text(w)}</li>)}</ul>
        </div>
      ) : null}
      {!warnings.length && !notes.length ? <p>{t('impact.nothingElse')}</p> : null}
      {children}
    </div>
  )
}

function SavedMapping({ answer, reference }: { answer: SaveSkuMappingAnswer; reference: string | null }) {
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
