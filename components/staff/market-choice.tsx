'use client'
// The Back Market markets to choose from, by region (one region per merchant: each has its own
// token). The order of choosing is kept: the first market chosen is the one calls are made in.
import { useLocale, useTranslations } from 'next-intl'
import { useMemo } from 'react'
import { BACKMARKET_MARKETS, type BackMarketRegion } from '@/lib/backmarket/markets'

const REGIONS: BackMarketRegion[] = ['eu', 'us', 'ap']

export function MarketChoice({ value, onChange, describedBy }: { value: string[]; onChange: (next: string[]) => void; describedBy: string }) {
  const t = useTranslations('staff.onboard')
  const locale = useLocale()
  const countries = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale])
  const toggle = (code: string, on: boolean) => onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code))
  return (
    <div className="mt-2 space-y-3">
      {REGIONS.map((region) => (
        <fieldset key={region} aria-describedby={describedBy}>
          <legend className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(`regions.${region}`)}</legend>
          <div className="mt-1.5 grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-3">
            {BACKMARKET_MARKETS.filter((m) => m.region === region).map(({ code }) => (
              <label key={code} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="markets"
                  value={code}
                  checked={value.includes(code)}
                  onChange={(e) => toggle(code, e.currentTarget.checked)}
                  className="size-4 rounded border-slate-300"
                />
                <span>
                  {countries.of(code.slice(3).toUpperCase())} <span className="font-mono text-xs text-slate-500">{code}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  )
}
