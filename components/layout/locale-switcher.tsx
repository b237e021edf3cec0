// The language the merchant reads the dashboard in. A plain form: works without JavaScript.
import { getLocale, getTranslations } from 'next-intl/server'
import { cn } from '@/components/ui/cn'
import { setLocaleAction } from '@/lib/auth/set-locale-action'
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales'

export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('common')])
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={cn(
            'rounded px-1.5 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
            l === locale ? 'font-semibold text-indigo-800 underline underline-offset-4' : 'text-slate-600 hover:text-slate-900',
          )}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sr-only">{LOCALE_NAMES[l]}</span>
        </button>
      ))}
    </form>
  )
}
