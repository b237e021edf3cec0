'use client'
// Onboard a merchant: its name, markets, time zone and language, and its first admin. The answer's
// invitation link is shown once (and said to be emailed when it was); the merchant then appears
// in the overview as not connected until its admin saves a Back Market token.
import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '@/components/api/api-client'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label, Select } from '@/components/ui/input'
import { MarketPicker } from '@/components/bm-connection/market-picker'
import { ShownOnce } from '@/components/ui/shown-once'
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales'
import { lazyModule } from '@/components/ui/lazy-module'
import type { OnboardMerchantInput } from '@/lib/staff/onboard-merchant-schema'
import { useOnboardMerchant, type Onboarded } from './api/onboard-merchant'

type Field = 'name' | 'markets' | 'timeZone' | 'locale' | 'admin.name' | 'admin.email'
const ERROR_KEY: Record<Field, string> = {
  name: 'nameError',
  markets: 'marketsError',
  timeZone: 'timeZoneError',
  locale: 'localeError',
  'admin.name': 'adminNameError',
  'admin.email': 'adminEmailError',
}

const loadSchemas = lazyModule(() => import('@/lib/staff/onboard-merchant-schema'))

export function OnboardMerchantForm({ timeZones, defaultTimeZone }: { timeZones: string[]; defaultTimeZone: string }) {
  const t = useTranslations('staff.onboard')
  const format = useFormatter()
  const errorText = useApiErrorText()
  const id = useId()
  const router = useRouter()
  const [markets, setMarkets] = useState<string[]>(['fr-fr'])
  const [invalid, setInvalid] = useState<Set<Field>>(new Set())
  const [done, setDone] = useState<Onboarded | null>(null)
  const onboard = useOnboardMerchant({ onSuccess: setDone })
  const emailTaken = onboard.error instanceof ApiError && onboard.error.code === 'conflict'

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const text = (name: string) => String(form.get(name) ?? '')
    const body = {
      name: text('name'),
      markets,
      timeZone: text('timeZone'),
      locale: text('locale'),
      admin: { name: text('adminName'), email: text('adminEmail') },
    }
    const schemas = await loadSchemas()
    if (!schemas) return onboard.mutate(body as OnboardMerchantInput)
    const parsed = schemas.OnboardMerchantSchema.safeParse(body)
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((i) => (i.path.length > 1 && i.path[0] === 'admin' ? `admin.${String(i.path[1])}` : String(i.path[0])) as Field)))
      return
    }
    setInvalid(new Set())
    onboard.mutate(parsed.data)
  }

  if (done) {
    const expiresAt = format.dateTime(new Date(done.invitation.expiresAt), { dateStyle: 'long' })
    const texts = {
      title: t('done.title', { merchant: done.merchant.name, email: done.admin.email }),
      warning: t('done.warning', { expiresAt }),
      copy: t('done.copy'),
      copied: t('done.copied'),
      done: t('done.finish'),
    }
    if (!done.invitation.url) {
      return (
        <div role="status" className="space-y-3 rounded-lg bg-green-50 p-4 ring-1 ring-green-200">
          <p className="text-sm font-medium text-green-900">{t('done.emailed', { merchant: done.merchant.name, email: done.admin.email, expiresAt })}</p>
          <Button type="button" variant="secondary" onClick={() => router.push('/staff')}>
            {t('done.finish')}
          </Button>
        </div>
      )
    }
    return (
      <div className="space-y-3">
        <ShownOnce value={done.invitation.url} texts={texts} onDone={() => router.push('/staff')} />
        <p className="text-sm text-slate-700">{t('done.notEmailed')}</p>
      </div>
    )
  }

  const errors = (field: Field) => (invalid.has(field) ? [t(ERROR_KEY[field])] : field === 'admin.email' && emailTaken ? [t('emailTaken')] : undefined)
  // Only the fields drawn with a hint name one: a described-by id that is not on the page is an error.
  const field = (f: Field, hint = false) => ({
    'aria-invalid': errors(f) ? true : undefined,
    'aria-describedby': hint ? `${id}-${f}-hint ${id}-${f}-error` : `${id}-${f}-error`,
  })
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="space-y-6" aria-describedby={`${id}-failed`}>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t('merchant')}</legend>
        <div>
          <Label htmlFor={`${id}-name`}>{t('name')}</Label>
          <Input id={`${id}-name`} name="name" maxLength={200} autoComplete="organization" className="mt-1.5" {...field('name')} />
          <FieldError id={`${id}-name-error`} errors={errors('name')} />
        </div>
        {/* The markets as the merchant's own Back Market settings show them: a fieldset per choice. */}
        <MarketPicker id={`${id}-markets`} value={markets} onChange={setMarkets} error={errors('markets')?.[0]} legend={t('markets')} hint={t('marketsHint')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor={`${id}-timeZone`}>{t('timeZone')}</Label>
            <p id={`${id}-timeZone-hint`} className="mt-0.5 text-xs text-slate-600">
              {t('timeZoneHint')}
            </p>
            <Select id={`${id}-timeZone`} name="timeZone" defaultValue={defaultTimeZone} className="mt-1.5" {...field('timeZone', true)}>
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
            <FieldError id={`${id}-timeZone-error`} errors={errors('timeZone')} />
          </div>
          <div>
            <Label htmlFor={`${id}-locale`}>{t('locale')}</Label>
            <p id={`${id}-locale-hint`} className="mt-0.5 text-xs text-slate-600">
              {t('localeHint')}
            </p>
            <Select id={`${id}-locale`} name="locale" defaultValue="fr" className="mt-1.5" {...field('locale', true)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </Select>
            <FieldError id={`${id}-locale-error`} errors={errors('locale')} />
          </div>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t('admin')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor={`${id}-admin.name`}>{t('adminName')}</Label>
            <Input id={`${id}-admin.name`} name="adminName" maxLength={200} autoComplete="off" className="mt-1.5" {...field('admin.name')} />
            <FieldError id={`${id}-admin.name-error`} errors={errors('admin.name')} />
          </div>
          <div>
            <Label htmlFor={`${id}-admin.email`}>{t('adminEmail')}</Label>
            <Input id={`${id}-admin.email`} name="adminEmail" type="email" maxLength={254} autoComplete="off" className="mt-1.5" {...field('admin.email')} />
            <FieldError id={`${id}-admin.email-error`} errors={errors('admin.email')} />
          </div>
        </div>
      </fieldset>
      <p id={`${id}-failed`} aria-live="polite" className="text-sm text-red-700">
        {onboard.error && !emailTaken ? t('failed', { message: errorText(onboard.error) }) : null}
      </p>
      <Button type="submit" disabled={onboard.isPending}>
        {onboard.isPending ? t('pending') : t('submit')}
      </Button>
    </form>
  )
}
