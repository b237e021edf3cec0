'use client'
// Language and time zone. The zone list is the runtime's IANA zones; "the merchant's zone" keeps
// following the merchant if it changes. Saved on the user and in cookies; the page then re-renders
// in the new language and zone.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Label, Select } from '@/components/ui/input'
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales'
import { useUpdatePreferences } from './api/me'
import { usePeopleErrorText } from './use-people-error-text'

const DEFAULT_ZONE = ''

export function PreferencesForm({ locale, timeZone, defaultTimeZone, zones }: { locale: Locale; timeZone: string | null; defaultTimeZone: string; zones: string[] }) {
  const t = useTranslations('people.preferences')
  const errorText = usePeopleErrorText()
  const router = useRouter()
  const id = useId()
  const [saved, setSaved] = useState(false)
  const update = useUpdatePreferences({
    onSuccess: () => {
      setSaved(true)
      router.refresh()
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaved(false)
    const form = new FormData(e.currentTarget)
    const zone = String(form.get('timeZone') ?? DEFAULT_ZONE)
    update.mutate({ locale: String(form.get('locale')) as Locale, timeZone: zone === DEFAULT_ZONE ? null : zone })
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-locale`}>{t('language')}</Label>
          <Select id={`${id}-locale`} name="locale" defaultValue={locale} className="mt-1.5">
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-zone`}>{t('timeZone')}</Label>
          <Select id={`${id}-zone`} name="timeZone" defaultValue={timeZone ?? DEFAULT_ZONE} className="mt-1.5" aria-describedby={`${id}-zone-hint`}>
            <option value={DEFAULT_ZONE}>{t('merchantZone', { zone: defaultTimeZone })}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </Select>
          <p id={`${id}-zone-hint`} className="mt-1 text-xs text-slate-600">
            {t('timeZoneHint')}
          </p>
        </div>
      </div>
      <p aria-live="polite" className="text-sm">
        {update.error ? <span className="text-red-700">{errorText(update.error)}</span> : saved ? <span className="text-green-800">{t('saved')}</span> : null}
      </p>
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? t('saving') : t('save')}
      </Button>
    </form>
  )
}
