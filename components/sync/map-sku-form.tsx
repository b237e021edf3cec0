'use client'
// Mapping our SKU to Back Market's: prefilled with the suggestion, checked field by field, then
// the guard's preview of what the mapping changes, to read before confirming it.
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { describedBy, PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { SKU_MAX_LENGTH, SkuMappingInputSchema, type SkuMappingInput } from '@/lib/sku-mapping/sku-mapping-input'
import type { SkuMismatchView } from './api/sku-mapping-mismatch'
import { usePreviewSkuMapping, type SkuMappingImpact } from './api/sku-mapping-preview'
import { unconfirmedImpact, useSaveSkuMapping, type SaveSkuMappingAnswer } from './api/sku-mapping-save'
import { useApiErrorText } from './use-api-error-text'

type FieldErrors = Partial<Record<keyof SkuMappingInput, string[]>>

export function MapSkuForm({ view, fallbackSku, onSaved }: { view: SkuMismatchView; fallbackSku: string | null; onSaved: (answer: SaveSkuMappingAnswer) => void }) {
  const t = useTranslations('skuMapping')
  const errorText = useApiErrorText()
  const ids = { ours: useId(), bm: useId(), oursError: useId(), bmError: useId(), title: useId(), denied: useId() }
  const gate = useActionPermission('operate', 'mapSku')
  const firstDiffering = view.lines?.find((l) => l.differs)?.ourSku ?? view.stock?.ourSku
  const [ours, setOurs] = useState(view.suggestion?.ourSku ?? firstDiffering ?? fallbackSku ?? '')
  const [bm, setBm] = useState(view.suggestion?.bmSku ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [preview, setPreview] = useState<{ input: SkuMappingInput; impact: SkuMappingImpact; stale: boolean } | null>(null)
  const check = usePreviewSkuMapping({ onSuccess: (impact, input) => setPreview({ input, impact, stale: false }) })
  const save = useSaveSkuMapping({ onSuccess: onSaved })

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!gate.allowed) return
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
          <Button
            type="submit"
            size="sm"
            disabled={check.isPending}
            aria-disabled={!gate.allowed || undefined}
            aria-describedby={describedBy(!gate.allowed && ids.denied)}
            className="h-auto! min-h-8 max-w-full py-1.5 text-left whitespace-normal! wrap-anywhere"
          >
            {check.isPending ? t('form.checking') : labels.ours && labels.bm ? t('form.submit', labels) : t('form.submitEmpty')}
          </Button>
        ) : null}
        {editing ? <PermissionNote id={ids.denied} gate={gate} /> : null}
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
