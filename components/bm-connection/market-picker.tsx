'use client'
// The markets as checkboxes, grouped by region. The order they were ticked in is kept: the first
// is the main market (the Accept-Language of every call), said under the list.
import { useTranslations } from 'next-intl'
import { BACKMARKET_MARKETS, type BackMarketRegion } from '@/lib/backmarket/market-list'

const REGIONS: BackMarketRegion[] = ['eu', 'us', 'ap']

type Props = {
  id: string
  value: string[]
  onChange: (markets: string[]) => void
  error?: string
  disabled?: boolean
  /** The group's name and hint when not the merchant's own ("Markets you sell on"): staff onboarding one. */
  legend?: string
  hint?: string
}

export function MarketPicker({ id, value, onChange, error, disabled, legend, hint }: Props) {
  const t = useTranslations('bmConnection')
  const toggle = (code: string, on: boolean) => onChange(on ? [...value.filter((m) => m !== code), code] : value.filter((m) => m !== code))
  const main = value[0]
  return (
    <fieldset aria-describedby={`${id}-hint ${id}-main ${id}-error`} disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{legend ?? t('form.markets')}</legend>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
        {hint ?? t('form.marketsHint')}
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {REGIONS.map((region) => (
          <div key={region}>
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t(`form.regions.${region}`)}</p>
            <ul className="mt-1 space-y-1">
              {BACKMARKET_MARKETS.filter((m) => m.region === region).map((m) => (
                <li key={m.code}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      name="markets"
                      value={m.code}
                      checked={value.includes(m.code)}
                      onChange={(e) => toggle(m.code, e.target.checked)}
                      className="size-4 rounded border-slate-300"
                    />
                    <span>
                      {t(`markets.${m.code}`)} <span className="font-mono text-xs text-slate-500">{m.code}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p id={`${id}-main`} className="mt-2 text-sm text-slate-700">
        {main ? t('form.mainMarket', { market: `${t(`markets.${main}` as 'markets.fr-fr')} (${main})` }) : null}
      </p>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {error}
      </p>
    </fieldset>
  )
}
