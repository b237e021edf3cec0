'use client'
// One address field of the edit form: the input, Back Market's original value beside it (under it
// on a phone), the live messages (announced as they change), and the one-click fixes.
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Input, Label } from '@/components/ui/input'
import type { AddressField as Field } from '@/lib/addresses/address-schema'
import type { FieldMessages } from './use-address-check'

export type FieldSuggestion = { key: string; label: string; detail?: string; apply: () => void }

type Props = {
  field: Field
  value: string
  original: string | null
  messages: FieldMessages
  /** A carrier named this field when it refused the address. */
  namedByCarrier?: boolean
  suggestions: FieldSuggestion[]
  onChange: (value: string) => void
}

export function fieldInputId(field: Field): string {
  return `address-${field}`
}

export function AddressField({ field, value, original, messages, namedByCarrier = false, suggestions, onChange }: Props) {
  const t = useTranslations('errors')
  const id = fieldInputId(field)
  const label = t(`fields.${field}`)
  const differs = (original ?? '') !== value
  return (
    <div className="grid gap-x-6 gap-y-1.5 py-3 md:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
      <div className="min-w-0">
        <Label htmlFor={id}>{label}</Label>
        {namedByCarrier ? (
          <p id={`${id}-carrier`} className="mt-1 text-xs font-medium text-red-800">
            {t('carrier.named')}
          </p>
        ) : null}
        <Input
          id={id}
          name={field}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          inputMode={field === 'phone' ? 'tel' : field === 'email' ? 'email' : undefined}
          aria-invalid={messages.errors.length > 0 ? true : undefined}
          aria-describedby={`${namedByCarrier ? `${id}-carrier ` : ''}${id}-messages ${id}-original`}
          data-carrier={namedByCarrier || undefined}
          className="mt-1.5 data-carrier:ring-2 data-carrier:ring-red-500"
        />
        <div id={`${id}-messages`} aria-live="polite" className="mt-1.5 space-y-1 text-sm empty:hidden">
          {messages.errors.map((m, i) => (
            <p key={`e${i}`} className="text-red-700">
              {m}
            </p>
          ))}
          {messages.warnings.map((m, i) => (
            <p key={`w${i}`} className="text-amber-800">
              {m}
            </p>
          ))}
        </div>
        {suggestions.length > 0 ? (
          <div role="group" aria-label={t('form.suggestions', { field: label })} className="mt-2 flex flex-wrap gap-2">
            {suggestions.map((s) => (
              <Button key={s.key} variant="secondary" size="sm" onClick={s.apply} className="h-auto! min-h-8 max-w-full py-1 text-left whitespace-normal! wrap-anywhere">
                <span>
                  <span className="font-semibold">{s.label}</span>
                  {s.detail ? <span className="block text-xs font-normal text-slate-600">{s.detail}</span> : null}
                </span>
              </Button>
            ))}
          </div>
        ) : null}
      </div>
      <div id={`${id}-original`} className="min-w-0 text-sm md:pt-8">
        <p className={cn('break-words', differs ? 'text-amber-900' : 'text-slate-600')}>
          <span className="md:sr-only">{t('form.originalPrefix')} </span>
          {original ? original : <em className="text-slate-500">{t('conflict.empty')}</em>}
        </p>
        {differs && original !== null ? (
          <button
            type="button"
            onClick={() => onChange(original)}
            aria-label={t('form.useOriginalLabel', { field: label })}
            className="mt-1 rounded-sm text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {t('form.useOriginal')}
          </button>
        ) : null}
      </div>
    </div>
  )
}
