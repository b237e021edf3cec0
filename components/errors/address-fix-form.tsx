'use client'
// The edit form of a blocked order's address. The checks run as the merchant types (the same
// rules as the server); Save sends the address with the order version it was made on. Every
// answer keeps what was typed: validated → the confirmation and the live acceptance; still
// blocked (422) → the saved address and its messages; stale (409) → both versions to choose from.
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '@/components/api/api-client'
import {
  useUpdateOrderAddress,
  type AddressConflictDetails,
  type AddressValidated,
  type StillBlockedDetails,
} from '@/components/errors/api/update-order-address'
import { describedBy, PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { Button } from '@/components/ui/button'
import { useHydrated } from '@/components/ui/use-hydrated'
import { ADDRESS_FIELDS } from '@/lib/addresses/address-fields'
import type { Address, AddressField as Field } from '@/lib/addresses/address-schema'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import type { CarrierRejection } from '@/lib/addresses/carrier-rejection'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { AddressConflict } from './address-conflict'
import { AddressField, fieldInputId, type FieldSuggestion } from './address-field'
import { CarrierRejectionPanel } from './carrier-rejection-panel'
import { FixSaved } from './fix-saved'
import { SaveProblem, type Problem } from './save-problem'
import { suggestionText } from './suggestion-text'
import { toFormValues, type FormValues } from './address-form-values'
import type { ParsedFormAddress } from './parse-form-address'
import { preloadAddressRules, useAddressCheck } from './use-address-check'

type Props = {
  reference: string
  version: number
  original: Partial<Address> | null
  current: Partial<Address> | null
  /** The current address's parse and issues (parseFormAddress and checkAddress of
   * toFormValues(current), run by the page): the form's first render needs no schema or rules. */
  currentParsed: ParsedFormAddress
  currentIssues: AddressIssue[]
  /** Shown beside the form while the order is blocked (its cut-offs); gone once validated. */
  aside?: ReactNode
  /** A carrier's refusal standing: the fields it named are highlighted; a good address lifts it. */
  carrierRejection?: CarrierRejection | null
  /** Saving validates the order (CREATED); false for an order the warehouse prepares already. */
  validates?: boolean
}

type Stale = Extract<AddressConflictDetails, { reason: 'stale' }>

export function AddressFixForm({ reference, version: initialVersion, original, current, currentParsed, currentIssues, aside, carrierRejection, validates = true }: Props) {
  const t = useTranslations('errors')
  const locale = useLocale()
  const [first] = useState(() => ({ values: toFormValues(current), parsed: currentParsed, issues: currentIssues }))
  const [values, setValues] = useState<FormValues>(first.values)
  const [version, setVersion] = useState(initialVersion)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [stale, setStale] = useState<Stale | null>(null)
  const [saved, setSaved] = useState<AddressValidated | null>(null)
  const [applied, setApplied] = useState('')
  const problemRef = useRef<HTMLDivElement>(null)
  // The outcome is read out: focus moves to it once it is on screen (a frame after the answer
  // came too early when React had not rendered it yet).
  useEffect(() => {
    if (problem) problemRef.current?.focus()
  }, [problem])
  const check = useAddressCheck(values, first)
  // Before hydration a native submit would GET this page with the address in the URL and lose
  // every edit: Save (the form's only submit button, so Enter too) waits for JavaScript.
  const hydrated = useHydrated()
  // A viewer sees the form and its checks, but cannot save (the reason is beside Save).
  const gate = useActionPermission('operate', 'fixAddress')

  const save = useUpdateOrderAddress(reference, {
    onSuccess: (data) => setSaved(data),
    onError: (error) => {
      const outcome = describeFailure(error)
      if (outcome.kind === 'stale') {
        setStale(outcome.details)
        return
      }
      if (outcome.kind === 'still_blocked') {
        // The saved address (with the silent fixes) is what the messages are about now.
        setValues(toFormValues(outcome.details.address))
        setVersion(outcome.details.order.version)
      }
      if (outcome.kind === 'saved_not_validated') setVersion(outcome.version)
      setProblem(outcome)
    },
  })

  if (saved) return <FixSaved result={saved} carrierLifted={Boolean(carrierRejection)} />
  // The carrier's words above the form while they stand; gone once a save lifts them.
  const refusal = carrierRejection ? <CarrierRejectionPanel rejection={carrierRejection} /> : null

  const submit = (address: FormValues | Address, onVersion: number) => {
    setProblem(null)
    save.mutate({ version: onVersion, address })
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!gate.allowed) return
    if (check.firstShapeError) {
      document.getElementById(fieldInputId(check.firstShapeError))?.focus()
      return
    }
    submit(values, version)
  }
  const setField = (field: Field, value: string) => setValues((v) => ({ ...v, [field]: value }))

  if (stale) {
    return withAside(
      <AddressConflict
        yours={stale.yours}
        theirs={stale.theirs}
        pending={save.isPending}
        onKeepMine={() => {
          setValues(toFormValues(stale.yours))
          setVersion(stale.currentVersion)
          setStale(null)
          submit(stale.yours, stale.currentVersion)
        }}
        onTakeTheirs={() => {
          setValues(toFormValues(stale.theirs))
          setVersion(stale.currentVersion)
          setStale(null)
        }}
      />,
      aside,
    )
  }

  const suggestionsFor = (field: Field): FieldSuggestion[] =>
    check.suggestions
      .filter((s) => s.field === field)
      .map((s, i) => {
        const text = suggestionText(t, locale, s, values.street2)
        return {
          key: `${s.code}-${i}`,
          ...text,
          apply: () => {
            setValues((v) => ({ ...v, ...Object.fromEntries(Object.entries(s.value).map(([f, x]) => [f, x ?? ''])) }))
            setApplied(t('form.applied', { label: text.detail ? `${text.label} (${text.detail})` : text.label }))
            // The button goes away with the issue it fixed: keep the keyboard in the field.
            document.getElementById(fieldInputId(field))?.focus()
          },
        }
      })

  return withAside(
    <div className="space-y-6">
      {refusal}
      <form onSubmit={onSubmit} onFocus={preloadAddressRules} noValidate aria-labelledby="fix-form-title" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="border-b border-slate-200 px-4 py-3 sm:px-5">
          <h2 id="fix-form-title" className="text-base font-semibold text-slate-900">
            {t('form.legend')}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t('form.intro')}</p>
        </div>
        <div className="space-y-3 px-4 pt-4 sm:px-5">
          <SaveProblem ref={problemRef} problem={problem} reference={reference} />
          <p aria-live="polite" className={check.blockingCount > 0 ? 'text-sm font-medium text-red-800' : 'text-sm font-medium text-emerald-800'}>
            {check.blockingCount > 0 ? t('form.blocking', { count: check.blockingCount }) : validates ? t('form.ready') : t('carrier.ready')}
          </p>
          {check.general.map((m) => (
            <p key={m} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200 ring-inset">
              {m}
            </p>
          ))}
          <p aria-live="polite" className="sr-only">
            {applied}
          </p>
        </div>
        <div className="px-4 sm:px-5">
          <div aria-hidden="true" className="hidden grid-cols-[minmax(0,1fr)_minmax(0,18rem)] gap-x-6 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase md:grid">
            <span>{t('form.oursHeading')}</span>
            <span>{t('form.originalHeading')}</span>
          </div>
          <div className="divide-y divide-slate-100">
            {ADDRESS_FIELDS.map((field) => (
              <AddressField
                key={field}
                field={field}
                value={values[field]}
                original={original?.[field] ?? null}
                messages={check.byField[field]}
                namedByCarrier={carrierRejection?.fields.includes(field) ?? false}
                suggestions={suggestionsFor(field)}
                onChange={(value) => setField(field, value)}
              />
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-2 border-t border-slate-200 px-4 py-4 sm:flex-row sm:items-center sm:px-5">
          <Button
            type="submit"
            disabled={!hydrated || save.isPending}
            aria-disabled={!gate.allowed || undefined}
            aria-describedby={describedBy(!gate.allowed && 'fix-save-denied', 'fix-save-hint')}
          >
            {save.isPending ? t('form.saving') : validates ? t('form.save') : t('carrier.save')}
          </Button>
          <div className="space-y-1">
            <PermissionNote id="fix-save-denied" gate={gate} className="text-sm font-medium text-slate-800" />
            <p id="fix-save-hint" className="text-xs text-slate-600">
              {t('form.saveHint')}
            </p>
          </div>
        </div>
      </form>
    </div>,
    aside,
  )
}

function withAside(main: ReactNode, aside: ReactNode) {
  return (
    <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      {/* First in reading order on every screen: how urgent the fix is. */}
      {aside ? <div className="xl:col-start-2 xl:row-start-1">{aside}</div> : null}
      <div className="min-w-0 xl:col-start-1 xl:row-start-1">{main}</div>
    </div>
  )
}

type Failure = Problem | { kind: 'stale'; details: Stale }

function describeFailure(error: Error): Failure {
  if (!(error instanceof ApiError)) return { kind: 'network' }
  const details = error.details as Record<string, unknown> | undefined
  if (error.status === 422 && details && 'address' in details) return { kind: 'still_blocked', details: details as StillBlockedDetails }
  if (error.status === 409 && details) {
    const conflict = details as AddressConflictDetails
    if (conflict.reason === 'stale') return { kind: 'stale', details: conflict }
    if (conflict.reason === 'not_editable') return { kind: 'not_editable', status: conflict.status as OrderStatus }
    if (conflict.reason === 'saved_not_validated') return { kind: 'saved_not_validated', version: conflict.currentVersion }
  }
  if (error.status === 404) return { kind: 'not_found' }
  if (error.status === 401) return { kind: 'signed_out' }
  return { kind: 'failed', error }
}
